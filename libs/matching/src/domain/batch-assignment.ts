import { MatchNeed, RankableProvider, RankedCandidate, rankCandidates } from './ranking';

/** One ticket of a batch: what it needs and the providers asked before (never asked again). */
export interface BatchTicket extends MatchNeed {
  ticketId: string;
  alreadyProposed: ReadonlySet<string>;
}

/**
 * What the batch does for a ticket: propose its best candidate, escalate (no candidate
 * left), or leave it to the one-ticket path (`unsettled`): its best candidate is a provider
 * this transaction does not hold, or every candidate left is held by others.
 */
export type BatchDecision =
  | { ticketId: string; kind: 'propose'; candidate: RankedCandidate }
  | { ticketId: string; kind: 'escalate' }
  | { ticketId: string; kind: 'unsettled' };

/** Provider rows this transaction locked, and those it found locked by another (passed over, as SKIP LOCKED does). */
export interface ProviderLocks {
  held: ReadonlySet<string>;
  skipped: ReadonlySet<string>;
}

/**
 * Proposes for the tickets one after the other, in the given order, exactly as the
 * one-ticket path would if it ran them in that order: each ticket is ranked (the same
 * ranking) against the pool as the tickets before it left it, so a provider takes no
 * more tickets than its free places, and its load counts the places taken before.
 * Only a held provider is proposed; an unsettled ticket takes no place.
 */
export function assignInRankOrder(tickets: readonly BatchTicket[], pool: readonly RankableProvider[], locks: ProviderLocks): BatchDecision[] {
  const providers = new Map(pool.map((p) => [p.id, { ...p }]));
  return tickets.map((ticket): BatchDecision => {
    const ranked = rankCandidates(ticket, [...providers.values()], ticket.alreadyProposed);
    if (ranked.length === 0) return { ticketId: ticket.ticketId, kind: 'escalate' };
    const best = ranked.find((c) => !locks.skipped.has(c.providerId));
    if (!best || !locks.held.has(best.providerId)) return { ticketId: ticket.ticketId, kind: 'unsettled' };
    providers.get(best.providerId)!.activeMatches++;
    return { ticketId: ticket.ticketId, kind: 'propose', candidate: best };
  });
}
