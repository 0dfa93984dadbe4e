import { Injectable } from '@nestjs/common';
import { AccessScope, Page, PageRequest } from '@enterpark/common';
import { Ticket, TicketRepository } from '@enterpark/tickets';
import { DemandList, DemandListView } from '../domain/demand-list';
import { DemandListNotFoundError } from '../demand.errors';
import { DemandListRepository } from '../persistence/demand-list.repository';

@Injectable()
export class ReadDemandListsService {
  constructor(
    private readonly lists: DemandListRepository,
    private readonly tickets: TicketRepository,
  ) {}

  async list(scope: AccessScope, filter: { zoneId?: string }, page: PageRequest): Promise<Page<DemandListView>> {
    const found = await this.lists.list(scope, filter, page);
    return { items: await this.views(scope, found.items), nextCursor: found.nextCursor };
  }

  /** One list with its tickets; a desk sees only the tickets routed to its desks. */
  async get(scope: AccessScope, id: string): Promise<{ list: DemandListView; tickets: Ticket[] }> {
    const list = await this.lists.findById(scope, id);
    if (!list) throw new DemandListNotFoundError();
    const [[view], tickets] = await Promise.all([this.views(scope, [list]), this.tickets.listOfDemandList(id)]);
    const visible = scope.kind === 'desks' ? tickets.filter((t) => t.desk !== null && scope.desks.includes(t.desk)) : tickets;
    return { list: view, tickets: visible };
  }

  /** Lists the caller already holds (read, or just filed), with their zone's name and progress. */
  async views(scope: AccessScope, lists: DemandList[]): Promise<DemandListView[]> {
    const progress = await this.lists.progressOf(scope, lists.map((l) => l.id));
    return lists.map((l) => ({ ...l, ...(progress.get(l.id) ?? { zoneName: '', ticketCount: 0, finishedCount: 0 }) }));
  }
}
