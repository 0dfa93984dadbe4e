import { Actor, ServiceType } from '@enterpark/common';
import { EventName, EventPayloads, NewEvent, newEvent, SlaStage, TicketPriority } from '@enterpark/events';
import { TicketInvalidTransitionError } from '../tickets.errors';
import { allowedActionsFor, canRun, TicketAction } from './ticket-actions';
import { TicketStatus } from './ticket-status';

export interface Ticket {
  id: string;
  demandListId: string;
  zoneId: string;
  seq: number;
  type: ServiceType;
  title: string;
  description: string | null;
  desiredBy: string | null;
  tags: string[];
  /** Who at the zone the desk calls about this item (联系人), and how (联系电话). */
  contactName: string | null;
  contactPhone: string | null;
  status: TicketStatus;
  desk: ServiceType | null;
  assigneeId: string | null;
  version: number;
  createdAt: Date;
  routedAt: Date | null;
  updatedAt: Date;
  priority: TicketPriority | null;
  dueAt: Date | null;
  acceptedAt: Date | null;
  matchedAt: Date | null;
  firstActivityAt: Date | null;
  completedAt: Date | null;
  closedAt: Date | null;
  providerId: string | null;
  outcome: string | null;
  rating: number | null;
  /** 1, then +1 each time the zone reopens the ticket after an unsolved confirmation. */
  round: number;
  activityCount: number;
  matchingEscalatedAt: Date | null;
  /** The stage whose working-day deadline is running (null: the ticket waits on nobody we time). */
  slaStage: SlaStage | null;
  slaStartedAt: Date | null;
  /** Null while the stage runs: not yet computed, or the calendar lacks the year. */
  slaDueAt: Date | null;
  slaBreachedAt: Date | null;
  slaEscalateAt: Date | null;
  slaEscalatedAt: Date | null;
  slaBreaches: number;
}

export interface TicketDraft {
  type: ServiceType;
  title: string;
  description?: string;
  desiredBy?: string;
  tags?: string[];
  contactName?: string;
  contactPhone?: string;
}

export interface Transition {
  ticket: Ticket;
  events: NewEvent[];
}

/** Throws the 409 of the state machine unless `action` may run from the ticket's status. */
export function assertCan(ticket: Ticket, action: TicketAction): void {
  if (!canRun(action, ticket.status)) throw new TicketInvalidTransitionError(ticket.status, action);
}

/**
 * A refusal as `actor` should read it: the state machine's 409 names what THEY may do with
 * the ticket now, not what any role could. Anything else is passed through.
 */
export function refusalFor(error: unknown, actor: Actor, ticket: Ticket): unknown {
  if (!(error instanceof TicketInvalidTransitionError)) return error;
  return new TicketInvalidTransitionError(ticket.status, error.action, allowedActionsFor(actor, ticket));
}

/** Runs a transition decided for `actor`, its refusal worded for them (refusalFor). */
export function transitionAs<T>(actor: Actor, ticket: Ticket, transition: () => T): T {
  try {
    return transition();
  } catch (error) {
    throw refusalFor(error, actor, ticket);
  }
}

/** The next version of a ticket: every change bumps the version and the update time. */
export function changed(ticket: Ticket, now: Date, fields: Partial<Ticket>): Ticket {
  return { ...ticket, ...fields, updatedAt: now, version: ticket.version + 1 };
}

/** Starts (or stops, with null) the working-day clock of a stage; the deadline is computed by the caller. */
export function withSlaStage(stage: SlaStage | null, now: Date): Partial<Ticket> {
  return { slaStage: stage, slaStartedAt: stage ? now : null, slaDueAt: null, slaBreachedAt: null, slaEscalateAt: null, slaEscalatedAt: null };
}

/** An event about `ticket`, by `actorId` (null: a worker). */
export function ticketEvent<N extends EventName>(name: N, ticket: Ticket, actorId: string | null, payload: EventPayloads[N]): NewEvent<N> {
  return newEvent(name, { aggregateType: 'ticket', aggregateId: ticket.id, zoneId: ticket.zoneId, actorId, payload });
}

/** A new ticket filed as item `seq` of a demand list. */
export function submitTicket(
  id: string,
  list: { id: string; zoneId: string; filedBy: string },
  seq: number,
  draft: TicketDraft,
  now: Date,
): { ticket: Ticket; event: NewEvent } {
  const ticket: Ticket = {
    id,
    demandListId: list.id,
    zoneId: list.zoneId,
    seq,
    type: draft.type,
    title: draft.title,
    description: draft.description ?? null,
    desiredBy: draft.desiredBy ?? null,
    tags: draft.tags ?? [],
    contactName: draft.contactName ?? null,
    contactPhone: draft.contactPhone ?? null,
    status: 'submitted',
    desk: null,
    assigneeId: null,
    version: 1,
    createdAt: now,
    routedAt: null,
    updatedAt: now,
    priority: null,
    dueAt: null,
    acceptedAt: null,
    matchedAt: null,
    firstActivityAt: null,
    completedAt: null,
    closedAt: null,
    providerId: null,
    outcome: null,
    rating: null,
    round: 1,
    activityCount: 0,
    matchingEscalatedAt: null,
    slaStage: null,
    slaStartedAt: null,
    slaDueAt: null,
    slaBreachedAt: null,
    slaEscalateAt: null,
    slaEscalatedAt: null,
    slaBreaches: 0,
  };
  const event = ticketEvent('ticket.submitted', ticket, list.filedBy, { ticketId: id, demandListId: list.id, zoneId: list.zoneId, type: draft.type });
  return { ticket, event };
}

/** `submitted → routed`: the ticket lands on the desk of its type, optionally with an assignee; triage's clock starts. */
export function routeTicket(ticket: Ticket, assigneeId: string | null, rule: string, now: Date): { ticket: Ticket; event: NewEvent } {
  assertCan(ticket, 'route');
  const routed = changed(ticket, now, { status: 'routed', desk: ticket.type, assigneeId, routedAt: now, ...withSlaStage('triage', now) });
  const event = ticketEvent('ticket.routed', ticket, null, { ticketId: ticket.id, zoneId: ticket.zoneId, desk: ticket.type, assigneeId, rule });
  return { ticket: routed, event };
}
