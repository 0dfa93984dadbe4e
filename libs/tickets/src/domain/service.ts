import { TICKET_LIMITS } from './ticket-status';
import { assertCan, changed, ticketEvent, Ticket, Transition, withSlaStage } from './ticket';
import { Act } from './triage';
import { ActivityLimitReachedError } from '../tickets.errors';
import { ActivityKind } from './ticket-status';

export interface Activity {
  id: string;
  ticketId: string;
  day: string;
  kind: ActivityKind;
  notes: string;
  recordedBy: string;
  recordedAt: Date;
}

/** A service visit or session; the first one moves `matched → in_service`. */
export function recordActivity(ticket: Ticket, activity: Activity, act: Act): Transition {
  assertCan(ticket, 'activities');
  if (ticket.activityCount >= TICKET_LIMITS.maxActivities) throw new ActivityLimitReachedError(TICKET_LIMITS.maxActivities);
  const next = changed(ticket, act.now, {
    status: 'in_service',
    activityCount: ticket.activityCount + 1,
    firstActivityAt: ticket.firstActivityAt ?? act.now,
  });
  const event = ticketEvent('ticket.activity_recorded', ticket, act.actorId, {
    ticketId: ticket.id,
    zoneId: ticket.zoneId,
    activityId: activity.id,
    day: activity.day,
    kind: activity.kind,
  });
  return { ticket: next, events: [event] };
}

/** `in_service → completed`: the desk reports the outcome; the zone confirms next. */
export function completeTicket(ticket: Ticket, input: { outcome: string; notes?: string }, act: Act): Transition {
  assertCan(ticket, 'complete');
  const outcome = input.outcome;
  const next = changed(ticket, act.now, { status: 'completed', outcome, completedAt: act.now, ...withSlaStage(null, act.now) });
  const event = ticketEvent('ticket.service_completed', ticket, act.actorId, { ticketId: ticket.id, zoneId: ticket.zoneId, outcome, notes: input.notes ?? null, round: ticket.round });
  return { ticket: next, events: [event] };
}

/**
 * The zone's verdict. Solved: `completed → closed`. Not solved: back to `in_service`
 * in a new round, the reason recorded, and the service clock restarted.
 */
export function confirmTicket(ticket: Ticket, input: { rating: number; solved: boolean; comment?: string }, act: Act): Transition {
  assertCan(ticket, 'confirm');
  const confirmed = ticketEvent('ticket.confirmed', ticket, act.actorId, {
    ticketId: ticket.id,
    zoneId: ticket.zoneId,
    demandListId: ticket.demandListId,
    rating: input.rating,
    solved: input.solved,
    comment: input.comment ?? null,
    round: ticket.round,
  });
  if (input.solved) {
    const next = changed(ticket, act.now, { status: 'closed', rating: input.rating, closedAt: act.now });
    return { ticket: next, events: [confirmed] };
  }
  const next = changed(ticket, act.now, {
    status: 'in_service',
    rating: input.rating,
    round: ticket.round + 1,
    completedAt: null,
    ...withSlaStage('service', act.now),
  });
  const reason = input.comment ?? '园区确认问题未解决';
  const reopened = ticketEvent('ticket.reopened', ticket, act.actorId, { ticketId: ticket.id, zoneId: ticket.zoneId, reason, round: ticket.round + 1 });
  return { ticket: next, events: [confirmed, reopened] };
}
