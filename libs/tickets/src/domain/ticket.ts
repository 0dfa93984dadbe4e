import { ServiceType } from '@enterpark/common';
import { NewEvent, newEvent } from '@enterpark/events';
import { TicketInvalidTransitionError } from '../tickets.errors';
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
  status: TicketStatus;
  desk: ServiceType | null;
  assigneeId: string | null;
  version: number;
  createdAt: Date;
  routedAt: Date | null;
  updatedAt: Date;
}

export interface TicketDraft {
  type: ServiceType;
  title: string;
  description?: string;
  desiredBy?: string;
  tags?: string[];
}

export interface Transition {
  ticket: Ticket;
  event: NewEvent;
}

/** A new ticket filed as item `seq` of a demand list. */
export function submitTicket(
  id: string,
  list: { id: string; zoneId: string; filedBy: string },
  seq: number,
  draft: TicketDraft,
  now: Date,
): Transition {
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
    status: 'submitted',
    desk: null,
    assigneeId: null,
    version: 1,
    createdAt: now,
    routedAt: null,
    updatedAt: now,
  };
  const event = newEvent('ticket.submitted', {
    aggregateType: 'ticket',
    aggregateId: id,
    zoneId: list.zoneId,
    actorId: list.filedBy,
    payload: { ticketId: id, demandListId: list.id, zoneId: list.zoneId, type: draft.type },
  });
  return { ticket, event };
}

/** `submitted → routed`: the ticket lands on the desk of its type, optionally with an assignee. */
export function routeTicket(ticket: Ticket, assigneeId: string | null, rule: string, now: Date): Transition {
  if (ticket.status !== 'submitted') throw new TicketInvalidTransitionError(ticket.status, 'route');
  const routed: Ticket = {
    ...ticket,
    status: 'routed',
    desk: ticket.type,
    assigneeId,
    routedAt: now,
    updatedAt: now,
    version: ticket.version + 1,
  };
  const event = newEvent('ticket.routed', {
    aggregateType: 'ticket',
    aggregateId: ticket.id,
    zoneId: ticket.zoneId,
    actorId: null,
    payload: { ticketId: ticket.id, zoneId: ticket.zoneId, desk: ticket.type, assigneeId, rule },
  });
  return { ticket: routed, event };
}
