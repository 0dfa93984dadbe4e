import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, newId } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { escalateMatching, proposeMatch, Ticket, TicketRepository, TicketWriter } from '@enterpark/tickets';
import { rankCandidates } from '../domain/ranking';
import { newProposal } from '../domain/ticket-match';
import { ProviderPoolRepository } from '../persistence/provider-pool.repository';
import { TicketMatchRepository } from '../persistence/ticket-match.repository';
import { ProposalWindow } from './proposal-window.service';

export type ProposeOutcome = 'proposed' | 'escalated' | 'unchanged';
type Attempt = ProposeOutcome | 'busy';
type Deadline = (proposedAt: Date) => Date | null;

/** Attempts while every provider with a free place is locked by another proposal for a moment. */
const BUSY_ATTEMPTS = 40;
const BUSY_PAUSE_MS = 15;

/** Every provider with room was being written by other transactions for too long; the job is retried later. */
export class MatchingBusyError extends Error {
  constructor(ticketId: string) {
    super(`providers for ticket ${ticketId} stayed locked by other proposals; retry later`);
  }
}

/**
 * After a ticket is accepted, or its proposal declined or expired: propose the best
 * provider not asked before, or escalate to coordinators when nobody is left. One
 * transaction per ticket under its row lock; a redelivered or duplicate job finds the
 * ticket no longer `triaged` (or already escalated) and changes nothing.
 */
@Injectable()
export class ProposeMatchService {
  private readonly logger = new Logger('ProposeMatch');

  constructor(
    private readonly tickets: TicketRepository,
    private readonly writer: TicketWriter,
    private readonly matches: TicketMatchRepository,
    private readonly pool: ProviderPoolRepository,
    private readonly window: ProposalWindow,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async propose(ticketId: string): Promise<ProposeOutcome> {
    // Read before the transaction: no second pool connection is needed while the ticket is locked.
    const deadline = await this.window.deadlines();
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.tx.run((manager) => this.attempt(manager, ticketId, this.clock.now(), deadline));
      if (outcome !== 'busy') return outcome;
      if (attempt >= BUSY_ATTEMPTS) throw new MatchingBusyError(ticketId);
      await new Promise((resolve) => setTimeout(resolve, BUSY_PAUSE_MS * (0.5 + Math.random())));
    }
  }

  private async attempt(manager: EntityManager, ticketId: string, now: Date, deadline: Deadline): Promise<Attempt> {
    const ticket = await this.tickets.lockInScope(manager, { kind: 'province' }, ticketId);
    if (!ticket || ticket.status !== 'triaged') return 'unchanged';
    if (await this.matches.openOf(manager, ticket.id)) return 'unchanged';
    const zone = await this.pool.zoneOf(manager, ticket.zoneId);
    const { providers, proposed } = await this.pool.poolFor(manager, ticket.id, ticket.type);
    const ranked = rankCandidates({ type: ticket.type, tags: ticket.tags, ...zone }, providers, proposed);
    const ids = ranked.map((c) => c.providerId);
    const chosenId = ids.length ? await this.pool.lockFirstWithCapacity(manager, ids, ticket.type) : null;
    if (!chosenId) {
      if (ids.length && (await this.pool.anyWithCapacity(manager, ids, ticket.type))) return 'busy';
      return this.escalate(manager, ticket, now);
    }
    const chosen = ranked.find((c) => c.providerId === chosenId)!;
    const match = newProposal(
      { id: newId(), ticketId: ticket.id, providerId: chosenId, reasons: { ...chosen.reasons }, expiresAt: deadline(now) },
      now,
    );
    await this.matches.insert(manager, match);
    await this.writer.write(manager, ticket, proposeMatch(ticket, match, now), now);
    return 'proposed';
  }

  /** Once per exhaustion: the flag is cleared by the next proposal or match. */
  private async escalate(manager: EntityManager, ticket: Ticket, now: Date): Promise<Attempt> {
    if (ticket.matchingEscalatedAt) return 'unchanged';
    const counts = await this.matches.answerCounts(manager, ticket.id);
    await this.writer.write(manager, ticket, escalateMatching(ticket, counts, now), now);
    this.logger.log(`ticket ${ticket.id}: no provider left (declined ${counts.declined}, expired ${counts.expired}); escalated to coordinators`);
    return 'escalated';
  }
}
