import { Injectable } from '@nestjs/common';
import { AccessScope } from '@enterpark/common';
import { TicketNotFoundError, TicketRepository } from '@enterpark/tickets';
import { TicketMatchRepository, TicketMatchView } from '../persistence/ticket-match.repository';

/** A ticket's proposals and matches, oldest first, for whoever may see the ticket. */
@Injectable()
export class ReadMatchesService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly matches: TicketMatchRepository,
  ) {}

  async ofTicket(scope: AccessScope, ticketId: string): Promise<TicketMatchView[]> {
    if (!(await this.tickets.findById(scope, ticketId))) throw new TicketNotFoundError();
    return this.matches.listOfTicket(ticketId);
  }
}
