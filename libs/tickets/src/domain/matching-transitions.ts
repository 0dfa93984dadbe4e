import { assertCan, changed, ticketEvent, Ticket, Transition, withSlaStage } from './ticket';

/** The part of a match the ticket's transitions need. */
export interface MatchRef {
  id: string;
  providerId: string;
}

/** `triaged → matching`: a worker proposed the best candidate; the proposal waits for an answer. */
export function proposeMatch(ticket: Ticket, match: MatchRef & { expiresAt: Date | null; reasons: Record<string, unknown> }, now: Date): Transition {
  assertCan(ticket, 'propose');
  const next = changed(ticket, now, { status: 'matching', matchingEscalatedAt: null });
  const event = ticketEvent('ticket.match_proposed', ticket, null, {
    ticketId: ticket.id,
    zoneId: ticket.zoneId,
    matchId: match.id,
    providerId: match.providerId,
    expiresAt: match.expiresAt?.toISOString() ?? null,
    reasons: match.reasons,
  });
  return { ticket: next, events: [event] };
}

/** `matching | triaged → matched`: by the provider's answer (staff on its behalf, or its link) or by hand. */
export function matchTicket(ticket: Ticket, match: MatchRef, via: 'staff' | 'link' | 'manual', actorId: string | null, now: Date): Transition {
  assertCan(ticket, via === 'manual' ? 'match' : 'accept-proposal');
  const next = changed(ticket, now, { status: 'matched', providerId: match.providerId, matchedAt: now, matchingEscalatedAt: null, ...withSlaStage('service', now) });
  const event = ticketEvent('ticket.matched', ticket, actorId, { ticketId: ticket.id, zoneId: ticket.zoneId, matchId: match.id, providerId: match.providerId, via });
  return { ticket: next, events: [event] };
}

/** `matching → triaged`: the provider said no; matching proposes the next candidate. */
export function declineMatch(ticket: Ticket, match: MatchRef, via: 'staff' | 'link', reason: string, actorId: string | null, now: Date): Transition {
  assertCan(ticket, 'decline-proposal');
  const next = changed(ticket, now, { status: 'triaged' });
  const event = ticketEvent('ticket.match_declined', ticket, actorId, { ticketId: ticket.id, zoneId: ticket.zoneId, matchId: match.id, providerId: match.providerId, via, reason });
  return { ticket: next, events: [event] };
}

/** `matching → triaged`: nobody answered within the window; matching proposes the next candidate. */
export function expireMatch(ticket: Ticket, match: MatchRef, now: Date): Transition {
  assertCan(ticket, 'expire-proposal');
  const next = changed(ticket, now, { status: 'triaged' });
  const event = ticketEvent('ticket.match_expired', ticket, null, { ticketId: ticket.id, zoneId: ticket.zoneId, matchId: match.id, providerId: match.providerId });
  return { ticket: next, events: [event] };
}

/** No candidate left: the ticket stays `triaged` and coordinators are asked to match it by hand. */
export function escalateMatching(ticket: Ticket, counts: { declined: number; expired: number }, now: Date): Transition {
  assertCan(ticket, 'escalate-matching');
  const next = changed(ticket, now, { matchingEscalatedAt: now });
  const event = ticketEvent('ticket.matching_exhausted', ticket, null, { ticketId: ticket.id, zoneId: ticket.zoneId, desk: ticket.desk!, ...counts });
  return { ticket: next, events: [event] };
}
