import { MatchNeed, RankableProvider, RankedCandidate, rankCandidates } from './ranking';

/** One ticket of a batch: what it needs and the providers asked before (never asked again). */
export interface BatchTicket extends MatchNeed {
  ticketId: string;
  alreadyProposed: ReadonlySet<string>;
}

/**
 * What the batch does for a ticket: propose its best candidate, escalate (no candidate
 * left), or leave it to the one-ticket path (`unsettled`: its best candidate is a provider
 * this transaction does not hold).
 */
export type BatchDecision =
  | { ticketId: string; kind: 'propose'; candidate: RankedCandidate }
  | { ticketId: string; kind: 'escalate' }
  | { ticketId: string; kind: 'unsettled' };

/**
 * Proposes for the tickets one after the other, in the given order, exactly as the
 * one-ticket path would if it ran them in that order: each ticket is ranked (the same
 * ranking) against the pool as the tickets before it left it, so a provider takes no
 * more tickets than its free places, and its load counts the places taken before.
 * `held`: the providers whose rows this transaction has locked (null while planning which
 * to lock); a ticket whose best candidate is not held is unsettled and takes no place.
 */
export function assignInRankOrder(
  tickets: readonly BatchTicket[],
  pool: readonly RankableProvider[],
  held: ReadonlySet<string> | null,
): BatchDecision[] {
  const providers = new Map(pool.map((p) => [p.id, { ...p }]));
  return tickets.map((ticket): BatchDecision => {
    const [best] = rankCandidates(ticket, [...providers.values()], ticket.alreadyProposed);
    if (!best) return { ticketId: ticket.ticketId, kind: 'escalate' };
    if (held && !held.has(best.providerId)) return { ticketId: ticket.ticketId, kind: 'unsettled' };
    providers.get(best.providerId)!.activeMatches++;
    return { ticketId: ticket.ticketId, kind: 'propose', candidate: best };
  });
}
