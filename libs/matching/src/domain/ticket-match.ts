import { MatchAlreadyAnsweredError, MatchProposalExpiredError } from '../matching.errors';

/** "open" = proposed or accepted: at most one per ticket, each counting against its provider's capacity. */
export const MATCH_STATUSES = ['proposed', 'accepted', 'declined', 'expired', 'withdrawn', 'ended'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
export const OPEN_MATCH_STATUSES: readonly MatchStatus[] = ['proposed', 'accepted'];

export type MatchOrigin = 'ranked' | 'manual';
/** Who answered a proposal: desk staff (or a coordinator) on the provider's behalf, or the provider through its link. */
export type AnswerVia = 'staff' | 'link';

export const MATCH_LIMITS = { declineReasonLength: 500 } as const;

/** A proposal of one provider for one ticket, or (accepted) the ticket's active match. */
export interface TicketMatch {
  id: string;
  ticketId: string;
  providerId: string;
  status: MatchStatus;
  origin: MatchOrigin;
  /** The ranking's reasons (see MatchReasons); empty for a match made by hand. */
  reasons: Record<string, number>;
  proposedAt: Date;
  /** Null while the calendar lacks the year of the deadline (the expiry sweep schedules it later). */
  expiresAt: Date | null;
  answeredAt: Date | null;
  answeredBy: string | null;
  answeredVia: AnswerVia | null;
  declineReason: string | null;
  endedAt: Date | null;
}

export interface Answer {
  via: AnswerVia;
  /** The staff member; null when the provider answered through its link. */
  actorId: string | null;
  now: Date;
}

/** A new proposal by the ranking. */
export function newProposal(
  fields: Pick<TicketMatch, 'id' | 'ticketId' | 'providerId' | 'reasons' | 'expiresAt'>,
  now: Date,
): TicketMatch {
  return { ...fields, status: 'proposed', origin: 'ranked', proposedAt: now, answeredAt: null, answeredBy: null, answeredVia: null, declineReason: null, endedAt: null };
}

/** A match made by hand: accepted at once, by the staff member who chose it. */
export function manualMatch(fields: Pick<TicketMatch, 'id' | 'ticketId' | 'providerId'>, actorId: string, now: Date): TicketMatch {
  return {
    ...fields,
    status: 'accepted',
    origin: 'manual',
    reasons: {},
    proposedAt: now,
    expiresAt: null,
    answeredAt: now,
    answeredBy: actorId,
    answeredVia: 'staff',
    declineReason: null,
    endedAt: null,
  };
}

/** A proposal can be answered once, and not after its window. */
function assertAnswerable(match: TicketMatch, now: Date): void {
  if (match.status !== 'proposed') throw new MatchAlreadyAnsweredError(match.status);
  if (match.expiresAt && match.expiresAt <= now) throw new MatchProposalExpiredError(match.expiresAt);
}

export function acceptProposal(match: TicketMatch, answer: Answer): TicketMatch {
  assertAnswerable(match, answer.now);
  return { ...match, status: 'accepted', answeredAt: answer.now, answeredBy: answer.actorId, answeredVia: answer.via };
}

export function declineProposal(match: TicketMatch, reason: string, answer: Answer): TicketMatch {
  assertAnswerable(match, answer.now);
  return { ...match, status: 'declined', declineReason: reason, answeredAt: answer.now, answeredBy: answer.actorId, answeredVia: answer.via };
}

export function isOpen(match: Pick<TicketMatch, 'status'>): boolean {
  return OPEN_MATCH_STATUSES.includes(match.status);
}

/** How a ticket's proposals ended without a match: carried by ticket.matching_exhausted. */
export function answerCounts(matches: readonly Pick<TicketMatch, 'status'>[]): { declined: number; expired: number } {
  return { declined: matches.filter((m) => m.status === 'declined').length, expired: matches.filter((m) => m.status === 'expired').length };
}

/** An open proposal nobody needs any more: the ticket was cancelled or matched by hand. */
export function withdrawProposal(match: TicketMatch, now: Date): TicketMatch {
  if (match.status !== 'proposed') throw new MatchAlreadyAnsweredError(match.status);
  return { ...match, status: 'withdrawn', endedAt: now };
}

/** Nobody answered within the window. */
export function expireProposal(match: TicketMatch): TicketMatch {
  if (match.status !== 'proposed') throw new MatchAlreadyAnsweredError(match.status);
  return { ...match, status: 'expired' };
}
