import { Injectable } from '@nestjs/common';
import { Actor, Clock, newId, scopeOf } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { ACTION_ROLES, matchTicket, Ticket, TicketActionForbiddenError, TicketNotFoundError, TicketRepository, TicketWriter, transitionAs } from '@enterpark/tickets';
import { manualMatch, withdrawProposal } from '../domain/ticket-match';
import { ProviderAtCapacityError, ProviderNotEligibleError } from '../matching.errors';
import { CapacityRow, ProviderPoolRepository } from '../persistence/provider-pool.repository';
import { TicketMatchRepository } from '../persistence/ticket-match.repository';

/**
 * Staff match a ticket by hand (`triaged` or `matching`): an open proposal is withdrawn,
 * the chosen provider (active, serving the type, with a free place) gets an accepted
 * match, and the ticket is `matched`. Any provider may be chosen, a former decliner too.
 */
@Injectable()
export class ManualMatchService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly writer: TicketWriter,
    private readonly matches: TicketMatchRepository,
    private readonly pool: ProviderPoolRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  match(actor: Actor, ticketId: string, providerId: string): Promise<Ticket> {
    return this.tx.run(async (manager) => {
      const ticket = await this.tickets.lockInScope(manager, scopeOf(actor), ticketId);
      if (!ticket) throw new TicketNotFoundError();
      if (!ACTION_ROLES.match.includes(actor.role)) throw new TicketActionForbiddenError('match');
      const now = this.clock.now();
      const match = manualMatch({ id: newId(), ticketId: ticket.id, providerId }, actor.id, now);
      const transition = transitionAs(actor, ticket, () => matchTicket(ticket, match, 'manual', actor.id, now));
      const open = await this.matches.openOf(manager, ticket.id);
      const providers = await this.pool.lockInOrder(manager, open ? [providerId, open.providerId] : [providerId]);
      const provider = eligible(providers.get(providerId), ticket);
      // The withdrawn proposal frees its place first: re-choosing the proposed provider is allowed.
      const freed = open?.providerId === providerId ? 1 : 0;
      if (provider.activeMatches - freed >= provider.capacity) throw new ProviderAtCapacityError(providerId, provider.capacity);
      if (open) await this.matches.saveChange(manager, open, withdrawProposal(open, now));
      await this.matches.insert(manager, match);
      return this.writer.write(manager, ticket, transition, now);
    });
  }
}

function eligible(provider: CapacityRow | undefined, ticket: Ticket): CapacityRow {
  if (!provider) throw new ProviderNotEligibleError('exists', 'providerId 指定的服务机构不存在');
  if (!provider.active) throw new ProviderNotEligibleError('active', 'providerId 指定的服务机构已停用');
  if (!provider.serviceTypes.includes(ticket.type)) throw new ProviderNotEligibleError('servesType', 'providerId 指定的服务机构不提供该类型的服务');
  return provider;
}
