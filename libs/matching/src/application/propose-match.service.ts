import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, newId } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { escalateMatching, proposeMatch, Ticket, TicketRepository, Transition, TicketWriter } from '@enterpark/tickets';
import { assignInRankOrder, BatchDecision, BatchTicket } from '../domain/batch-assignment';
import { MatchReasons, RankableProvider, rankCandidates } from '../domain/ranking';
import { answerCounts, isOpen, newProposal, TicketMatch } from '../domain/ticket-match';
import { ProviderPoolRepository } from '../persistence/provider-pool.repository';
import { TicketMatchRepository } from '../persistence/ticket-match.repository';
import { ProposalWindow } from './proposal-window.service';

export type ProposeOutcome = 'proposed' | 'escalated' | 'unchanged';
type Attempt = ProposeOutcome | 'busy';
type Deadline = (proposedAt: Date) => Date | null;
type MatchHistory = Pick<TicketMatch, 'ticketId' | 'providerId' | 'status'>[];

/** Attempts while every provider with a free place is locked by another proposal for a moment. */
const BUSY_ATTEMPTS = 40;
const BUSY_PAUSE_MS = 15;
/** Provider-locking rounds of a batch: the first locks the best candidates, later ones the next where some were held elsewhere. */
const LOCK_ROUNDS = 3;

/** Every provider with room was being written by other transactions for too long; the job is retried later. */
export class MatchingBusyError extends Error {
  constructor(ticketId: string) {
    super(`providers for ticket ${ticketId} stayed locked by other proposals; retry later`);
  }
}

/**
 * After a ticket is accepted, or its proposal declined or expired: propose the best
 * provider not asked before, or escalate to coordinators when nobody is left. Under the
 * ticket's row lock; a redelivered or duplicate job finds the ticket no longer `triaged`
 * (or already escalated) and changes nothing. Tickets arriving together share one
 * transaction (`proposeMany`); the one-ticket path (`propose`) settles whatever the batch
 * could not, so correctness never rests on the batch alone.
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

  /**
   * The tickets in one transaction, in id order, as `propose` would take them one by one;
   * a ticket whose best provider another transaction holds right now is then proposed alone.
   */
  async proposeMany(ticketIds: string[]): Promise<Map<string, ProposeOutcome>> {
    const deadline = await this.window.deadlines();
    const { outcomes, unsettled } = await this.tx.run((manager) => this.batch(manager, [...new Set(ticketIds)], deadline));
    for (const id of unsettled) outcomes.set(id, await this.propose(id));
    return outcomes;
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
      const transition = await this.escalation(ticket, () => this.matches.historyOf(manager, [ticket.id]), now);
      if (!transition) return 'unchanged';
      await this.writer.write(manager, ticket, transition, now);
      return 'escalated';
    }
    const chosen = ranked.find((c) => c.providerId === chosenId)!;
    const match = this.proposal(ticket, chosen.providerId, chosen.reasons, now, deadline);
    await this.matches.insert(manager, match);
    await this.writer.write(manager, ticket, proposeMatch(ticket, match, now), now);
    return 'proposed';
  }

  private async batch(manager: EntityManager, ids: string[], deadline: Deadline) {
    const outcomes = new Map<string, ProposeOutcome>(ids.map((id) => [id, 'unchanged']));
    const locked = await this.tickets.lockForUpdate(manager, ids);
    const history = await this.matches.historyOf(manager, locked.map((t) => t.id));
    const open = new Set(history.filter(isOpen).map((m) => m.ticketId));
    const pending = locked.filter((t) => t.status === 'triaged' && !open.has(t.id));
    if (pending.length === 0) return { outcomes, unsettled: [] };
    const decisions = await this.decide(manager, pending, history);
    const now = this.clock.now();
    const byId = new Map(pending.map((t) => [t.id, t]));
    const proposals: TicketMatch[] = [];
    const writes: { before: Ticket; transition: Transition }[] = [];
    for (const decision of decisions) {
      const ticket = byId.get(decision.ticketId)!;
      if (decision.kind === 'propose') {
        const match = this.proposal(ticket, decision.candidate.providerId, decision.candidate.reasons, now, deadline);
        proposals.push(match);
        writes.push({ before: ticket, transition: proposeMatch(ticket, match, now) });
        outcomes.set(ticket.id, 'proposed');
      } else if (decision.kind === 'escalate') {
        const transition = await this.escalation(ticket, async () => history.filter((m) => m.ticketId === ticket.id), now);
        if (!transition) continue;
        writes.push({ before: ticket, transition });
        outcomes.set(ticket.id, 'escalated');
      }
    }
    await this.matches.insertMany(manager, proposals);
    await this.writer.writeMany(manager, writes, now);
    return { outcomes, unsettled: decisions.filter((d) => d.kind === 'unsettled').map((d) => d.ticketId) };
  }

  /**
   * Plans as if every provider not yet found busy were free, locks the providers the plan
   * proposes (SKIP LOCKED, id order) and plans again on their rows as they are now, passing
   * over those another transaction holds (as SKIP LOCKED does), for a few rounds; then
   * decides: only a provider this transaction holds is proposed.
   */
  private async decide(manager: EntityManager, pending: Ticket[], history: MatchHistory): Promise<BatchDecision[]> {
    const zones = await this.pool.zonesOf(manager, pending.map((t) => t.zoneId));
    const tickets: BatchTicket[] = pending.map((t) => ({
      ticketId: t.id,
      type: t.type,
      tags: t.tags,
      ...zones.get(t.zoneId)!,
      alreadyProposed: new Set(history.filter((m) => m.ticketId === t.id).map((m) => m.providerId)),
    }));
    const read = await this.pool.poolForTypes(manager, pending.map((t) => t.type));
    const held = new Map<string, RankableProvider>();
    const skipped = new Set<string>();
    const pool = () => read.map((p) => held.get(p.id) ?? p);
    for (let round = 0; round < LOCK_ROUNDS; round++) {
      const free = new Set(read.map((p) => p.id).filter((id) => !skipped.has(id)));
      const plan = assignInRankOrder(tickets, pool(), { held: free, skipped });
      const wanted = [...new Set(plan.flatMap((d) => (d.kind === 'propose' && !held.has(d.candidate.providerId) ? [d.candidate.providerId] : [])))];
      if (wanted.length === 0) break;
      for (const p of await this.pool.lockAvailableInOrder(manager, wanted)) held.set(p.id, p);
      for (const id of wanted) if (!held.has(id)) skipped.add(id);
    }
    return assignInRankOrder(tickets, pool(), { held: new Set(held.keys()), skipped });
  }

  private proposal(ticket: Ticket, providerId: string, reasons: MatchReasons, now: Date, deadline: Deadline): TicketMatch {
    return newProposal({ id: newId(), ticketId: ticket.id, providerId, reasons: { ...reasons }, expiresAt: deadline(now) }, now);
  }

  /** Once per exhaustion (null: already escalated): the flag is cleared by the next proposal or match. */
  private async escalation(ticket: Ticket, matchesOfTicket: () => Promise<MatchHistory>, now: Date): Promise<Transition | null> {
    if (ticket.matchingEscalatedAt) return null;
    const counts = answerCounts(await matchesOfTicket());
    this.logger.log(`ticket ${ticket.id}: no provider left (declined ${counts.declined}, expired ${counts.expired}); escalated to coordinators`);
    return escalateMatching(ticket, counts, now);
  }
}
