import { Injectable } from '@nestjs/common';
import { AccessScope } from '@enterpark/common';
import { ReadDemandListsService } from '@enterpark/demand';
import { TicketNotFoundError, TicketRepository } from '@enterpark/tickets';
import { StoredDemandListSummary, StoredTicketSummary, SummaryRepository } from '../persistence/summary.repository';
import { SummaryNotReadyError } from '../summaries.errors';

/**
 * Summaries, with the tenancy of what they summarize: a ticket or list the caller may not
 * see answers exactly as GET /tickets/:id or GET /demand-lists/:id would (404).
 */
@Injectable()
export class ReadSummariesService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly demandLists: ReadDemandListsService,
    private readonly summaries: SummaryRepository,
  ) {}

  async ofTicket(scope: AccessScope, ticketId: string): Promise<StoredTicketSummary> {
    if (!(await this.tickets.findById(scope, ticketId))) throw new TicketNotFoundError();
    const stored = await this.summaries.latestTicketSummary(ticketId);
    if (!stored) throw new SummaryNotReadyError('ticket');
    return stored;
  }

  async ofDemandList(scope: AccessScope, demandListId: string): Promise<StoredDemandListSummary> {
    await this.demandLists.get(scope, demandListId); // throws the list's 404 outside the scope
    const stored = await this.summaries.demandListSummary(demandListId);
    if (!stored) throw new SummaryNotReadyError('demand_list');
    return stored;
  }
}
