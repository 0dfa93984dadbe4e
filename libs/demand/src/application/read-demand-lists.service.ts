import { Injectable } from '@nestjs/common';
import { AccessScope, Page, PageRequest } from '@enterpark/common';
import { Ticket, TicketRepository } from '@enterpark/tickets';
import { DemandList } from '../domain/demand-list';
import { DemandListNotFoundError } from '../demand.errors';
import { DemandListRepository } from '../persistence/demand-list.repository';

@Injectable()
export class ReadDemandListsService {
  constructor(
    private readonly lists: DemandListRepository,
    private readonly tickets: TicketRepository,
  ) {}

  list(scope: AccessScope, filter: { zoneId?: string }, page: PageRequest): Promise<Page<DemandList>> {
    return this.lists.list(scope, filter, page);
  }

  /** One list with its tickets; a desk sees only the tickets routed to its desks. */
  async get(scope: AccessScope, id: string): Promise<{ list: DemandList; tickets: Ticket[] }> {
    const list = await this.lists.findById(scope, id);
    if (!list) throw new DemandListNotFoundError();
    const tickets = await this.tickets.listOfDemandList(id);
    const visible = scope.kind === 'desks' ? tickets.filter((t) => t.desk !== null && scope.desks.includes(t.desk)) : tickets;
    return { list, tickets: visible };
  }
}
