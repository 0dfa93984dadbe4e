import { Injectable } from '@nestjs/common';
import { Actor } from '@enterpark/common';
import { ReadTicketsService, Ticket } from '@enterpark/tickets';
import { TicketResponse, toTicketResponse } from './tickets.dto';

/** The answer of every action that changes a ticket: the ticket as the caller now sees it, names included. */
@Injectable()
export class TicketResponder {
  constructor(private readonly reads: ReadTicketsService) {}

  async respond(actor: Actor, ticket: Ticket): Promise<TicketResponse> {
    const [named] = await this.reads.named([ticket]);
    return toTicketResponse(named, actor);
  }
}
