import { ServiceType } from '@enterpark/common';
import { NewEvent, newEvent } from '@enterpark/events';

export const PROBLEM_STATUSES = ['open', 'resolved'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = { open: '办理中', resolved: '已办结' };

/**
 * Sizes: one request links at most `ticketsPerRequest` tickets, one problem holds at most
 * `ticketsPerProblem`. The resolution is offered to the desks as their completion outcome, so
 * it is no longer than an outcome may be.
 */
export const PROBLEM_LIMITS = { titleLength: 200, descriptionLength: 2000, resolutionLength: 2000, ticketsPerRequest: 100, ticketsPerProblem: 200 } as const;

/** A rejected or cancelled demand is no problem of anyone's any more: it is not grouped. */
export const UNLINKABLE_STATUSES: readonly string[] = ['rejected', 'cancelled'];

export interface Problem {
  id: string;
  title: string;
  description: string | null;
  status: ProblemStatus;
  resolution: string | null;
  createdBy: string;
  createdAt: Date;
  resolvedBy: string | null;
  resolvedAt: Date | null;
}

/** One linked ticket, as the reader may see it. */
export interface ProblemTicket {
  ticketId: string;
  zoneId: string;
  zoneName: string;
  title: string;
  type: ServiceType;
  status: string;
  desk: ServiceType | null;
}

export interface ZoneCount {
  zoneId: string;
  zoneName: string;
  count: number;
}

export interface TypeCount {
  type: ServiceType;
  count: number;
}

/** What tickets a problem holds, counted: for a zone manager only their own zone's. */
export interface ProblemCounts {
  ticketCount: number;
  byZone: ZoneCount[];
  byType: TypeCount[];
}

export type ProblemView = Problem & ProblemCounts;
export type ProblemDetail = ProblemView & { tickets: ProblemTicket[] };

/** What the linking events need of a ticket. */
export interface LinkedTicket {
  id: string;
  zoneId: string;
}

type ProblemEventName = 'ticket.problem_linked' | 'ticket.problem_unlinked';

export function linkEvents(name: ProblemEventName, problem: Pick<Problem, 'id' | 'title'>, tickets: readonly LinkedTicket[], actorId: string): NewEvent[] {
  return tickets.map((t) =>
    newEvent(name, { aggregateType: 'ticket', aggregateId: t.id, zoneId: t.zoneId, actorId, payload: { ticketId: t.id, zoneId: t.zoneId, problemId: problem.id, problemTitle: problem.title } }),
  );
}

/** One event per linked ticket, each carrying the resolution: it shows in every ticket's history. */
export function resolutionEvents(problem: Pick<Problem, 'id' | 'title'>, resolution: string, tickets: readonly LinkedTicket[], actorId: string): NewEvent[] {
  return tickets.map((t) =>
    newEvent('ticket.problem_resolved', {
      aggregateType: 'ticket',
      aggregateId: t.id,
      zoneId: t.zoneId,
      actorId,
      payload: { ticketId: t.id, zoneId: t.zoneId, problemId: problem.id, problemTitle: problem.title, resolution },
    }),
  );
}
