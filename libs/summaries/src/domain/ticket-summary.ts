import { TicketSummary } from '@enterpark/events';
import { Ticket } from '@enterpark/tickets';
import { stageDuration, WorkingDayCounter } from '@enterpark/statistics';

export type SummaryKind = 'completed' | 'closed';

export interface Named {
  id: string;
  name: string;
}

export interface TicketSummaryContext {
  zone: Named;
  assignee: Named | null;
  provider: Named | null;
  calendar: WorkingDayCounter;
}

/**
 * The completion summary of a ticket in the state given. Durations run stage to stage
 * (filed → routed → accepted → matched → completed → closed); a stage that did not
 * happen has none, and the total runs from filing to closing (or to completion).
 */
export function buildTicketSummary(ticket: Ticket, ctx: TicketSummaryContext): TicketSummary {
  const d = (from: Date | null, to: Date | null) => stageDuration(from, to, ctx.calendar);
  return {
    ticketId: ticket.id,
    demandListId: ticket.demandListId,
    zone: { id: ctx.zone.id, name: ctx.zone.name },
    type: ticket.type,
    title: ticket.title,
    desk: ticket.desk,
    assignee: ctx.assignee && { id: ctx.assignee.id, name: ctx.assignee.name },
    provider: ctx.provider && { id: ctx.provider.id, name: ctx.provider.name },
    round: ticket.round,
    timeline: {
      filedAt: ticket.createdAt.toISOString(),
      routedAt: iso(ticket.routedAt),
      acceptedAt: iso(ticket.acceptedAt),
      matchedAt: iso(ticket.matchedAt),
      firstActivityAt: iso(ticket.firstActivityAt),
      completedAt: iso(ticket.completedAt),
      closedAt: iso(ticket.closedAt),
    },
    durations: {
      toRoute: d(ticket.createdAt, ticket.routedAt),
      toAccept: d(ticket.routedAt, ticket.acceptedAt),
      toMatch: d(ticket.acceptedAt, ticket.matchedAt),
      toComplete: d(ticket.matchedAt, ticket.completedAt),
      toClose: d(ticket.completedAt, ticket.closedAt),
      total: d(ticket.createdAt, ticket.closedAt ?? ticket.completedAt),
    },
    outcome: ticket.outcome,
    activities: ticket.activityCount,
    rating: ticket.rating,
    // Only a solved confirmation closes a ticket; an unsolved one reopens it instead.
    solved: ticket.status === 'closed' ? true : null,
    slaBreached: ticket.slaBreaches > 0,
    slaBreaches: ticket.slaBreaches,
  };
}

/**
 * The ticket as it stood when the desk completed `round`. The summary is written from the
 * event, which may be consumed after the zone has already confirmed or reopened the ticket:
 * what came later (closing, this round's rating, a new round) is not part of it.
 */
export function asCompleted(ticket: Ticket, completion: { round: number; outcome: string; at: Date }): Ticket {
  return { ...ticket, status: 'completed', round: completion.round, outcome: completion.outcome, completedAt: completion.at, closedAt: null, rating: null };
}

/** The ticket as the zone's solved confirmation of `round` left it: closed and rated. */
export function asClosed(ticket: Ticket, confirmation: { round: number; rating: number; at: Date }): Ticket {
  return { ...ticket, status: 'closed', round: confirmation.round, rating: confirmation.rating, closedAt: ticket.closedAt ?? confirmation.at };
}

function iso(at: Date | null): string | null {
  return at ? at.toISOString() : null;
}
