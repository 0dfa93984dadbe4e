import { Injectable } from '@nestjs/common';
import { Clock } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { TicketRepository } from '@enterpark/tickets';
import { ProviderPoolRepository } from '../persistence/provider-pool.repository';
import { TicketMatchRepository } from '../persistence/ticket-match.repository';

/**
 * Frees the provider when the ticket no longer needs it. Both steps re-read the ticket and
 * act only on a match that is still open, so a redelivery changes nothing (and a rating is
 * counted exactly once: only by the call whose UPDATE actually ended the match).
 */
@Injectable()
export class ReleaseMatchService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly matches: TicketMatchRepository,
    private readonly pool: ProviderPoolRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** ticket.cancelled: an open proposal is withdrawn. Answers whether one was. */
  onCancelled(ticketId: string): Promise<boolean> {
    return this.tx.run(async (manager) => {
      const ticket = await this.tickets.lockInScope(manager, { kind: 'province' }, ticketId);
      if (ticket?.status !== 'cancelled') return false;
      return (await this.matches.withdrawProposals(manager, [ticket.id], this.clock.now())) > 0;
    });
  }

  /** ticket.confirmed, solved and closed: the accepted match ends and the provider gets the zone's rating. */
  onConfirmed(ticketId: string): Promise<boolean> {
    return this.tx.run(async (manager) => {
      const ticket = await this.tickets.lockInScope(manager, { kind: 'province' }, ticketId);
      if (ticket?.status !== 'closed') return false;
      const providerId = await this.matches.endAccepted(manager, ticket.id, this.clock.now());
      if (!providerId) return false;
      if (ticket.rating !== null) await this.pool.addRating(manager, providerId, ticket.rating);
      return true;
    });
  }
}
