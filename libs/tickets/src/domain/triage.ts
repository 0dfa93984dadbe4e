import { ServiceType } from '@enterpark/common';
import { TicketPriority } from '@enterpark/events';
import { assertCan, changed, ticketEvent, Ticket, Transition, withSlaStage } from './ticket';

/** Who acts, when: every person-made transition records both. */
export interface Act {
  actorId: string;
  now: Date;
}

/** `routed → triaged`: the desk takes the ticket on; matching starts (and its clock). */
export function acceptTicket(ticket: Ticket, input: { priority?: TicketPriority; dueAt?: Date }, act: Act): Transition {
  assertCan(ticket, 'accept');
  const priority = input.priority ?? 'normal';
  const next = changed(ticket, act.now, {
    status: 'triaged',
    priority,
    dueAt: input.dueAt ?? ticket.dueAt,
    acceptedAt: act.now,
    assigneeId: ticket.assigneeId ?? act.actorId,
    ...withSlaStage('matching', act.now),
  });
  const event = ticketEvent('ticket.accepted', ticket, act.actorId, {
    ticketId: ticket.id,
    zoneId: ticket.zoneId,
    desk: ticket.desk!,
    priority,
    dueAt: next.dueAt?.toISOString() ?? null,
  });
  return { ticket: next, events: [event] };
}

export function rejectTicket(ticket: Ticket, reason: string, act: Act): Transition {
  assertCan(ticket, 'reject');
  const next = changed(ticket, act.now, { status: 'rejected', closedAt: act.now, ...withSlaStage(null, act.now) });
  const event = ticketEvent('ticket.rejected', ticket, act.actorId, { ticketId: ticket.id, zoneId: ticket.zoneId, demandListId: ticket.demandListId, reason });
  return { ticket: next, events: [event] };
}

/** `routed → needs_info`: the clock stops while the zone owes an answer. */
export function requestInfo(ticket: Ticket, question: string, act: Act): Transition {
  assertCan(ticket, 'request-info');
  const next = changed(ticket, act.now, { status: 'needs_info', ...withSlaStage(null, act.now) });
  return { ticket: next, events: [ticketEvent('ticket.info_requested', ticket, act.actorId, { ticketId: ticket.id, zoneId: ticket.zoneId, question })] };
}

/** `needs_info → routed`: back to the desk, whose triage clock starts again. */
export function provideInfo(ticket: Ticket, answer: string, act: Act): Transition {
  assertCan(ticket, 'provide-info');
  const next = changed(ticket, act.now, { status: 'routed', ...withSlaStage('triage', act.now) });
  return { ticket: next, events: [ticketEvent('ticket.info_provided', ticket, act.actorId, { ticketId: ticket.id, zoneId: ticket.zoneId, answer })] };
}

/** `routed → returned` (退单): misrouted; it waits for a coordinator and leaves the assignee's queue. */
export function returnTicket(ticket: Ticket, input: { reason: string; suggestedType?: ServiceType }, act: Act): Transition {
  assertCan(ticket, 'return');
  const next = changed(ticket, act.now, { status: 'returned', assigneeId: null, ...withSlaStage(null, act.now) });
  const event = ticketEvent('ticket.returned', ticket, act.actorId, {
    ticketId: ticket.id,
    zoneId: ticket.zoneId,
    desk: ticket.desk!,
    reason: input.reason,
    suggestedType: input.suggestedType ?? null,
  });
  return { ticket: next, events: [event] };
}

/**
 * `returned | routed → submitted` with the new type: routing runs again (another
 * ticket.submitted). Rerouting to the same type sends it back to that desk.
 */
export function rerouteTicket(ticket: Ticket, input: { type: ServiceType; reason: string }, act: Act): Transition {
  assertCan(ticket, 'reroute');
  const next = changed(ticket, act.now, { status: 'submitted', type: input.type, desk: null, assigneeId: null, routedAt: null, ...withSlaStage(null, act.now) });
  const rerouted = ticketEvent('ticket.rerouted', ticket, act.actorId, { ticketId: ticket.id, zoneId: ticket.zoneId, fromType: ticket.type, toType: input.type, reason: input.reason });
  const submitted = ticketEvent('ticket.submitted', ticket, act.actorId, {
    ticketId: ticket.id,
    zoneId: ticket.zoneId,
    demandListId: ticket.demandListId,
    type: input.type,
  });
  return { ticket: next, events: [rerouted, submitted] };
}

/** Same status, another staff member of the desk (membership is checked by the use case). */
export function assignTicket(ticket: Ticket, assigneeId: string, act: Act): Transition {
  assertCan(ticket, 'assign');
  const next = changed(ticket, act.now, { assigneeId });
  const event = ticketEvent('ticket.assigned', ticket, act.actorId, {
    ticketId: ticket.id,
    zoneId: ticket.zoneId,
    desk: ticket.desk!,
    fromAssigneeId: ticket.assigneeId,
    assigneeId,
  });
  return { ticket: next, events: [event] };
}

/** The zone withdraws a demand before a provider is matched (an open proposal is withdrawn by matching). */
export function cancelTicket(ticket: Ticket, reason: string, act: Act): Transition {
  assertCan(ticket, 'cancel');
  const next = changed(ticket, act.now, { status: 'cancelled', closedAt: act.now, ...withSlaStage(null, act.now) });
  const event = ticketEvent('ticket.cancelled', ticket, act.actorId, { ticketId: ticket.id, zoneId: ticket.zoneId, demandListId: ticket.demandListId, reason });
  return { ticket: next, events: [event] };
}
