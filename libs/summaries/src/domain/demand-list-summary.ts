import { ServiceType } from '@enterpark/common';
import { DemandListSummary, StageDuration, TicketSummary } from '@enterpark/events';
import { FINAL_STATUSES, Ticket } from '@enterpark/tickets';
import { median, round2, worst } from '@enterpark/statistics';
import { Named } from './ticket-summary';

export interface CompletedList {
  id: string;
  zone: Named;
  title: string;
  filedAt: Date;
  completedAt: Date;
}

/** A list is complete when every one of its tickets is closed, rejected or cancelled. */
export function isEveryTicketFinal(tickets: readonly Ticket[]): boolean {
  return tickets.length > 0 && tickets.every((t) => FINAL_STATUSES.includes(t.status));
}

/**
 * The completion summary of a list. Counts and ratings come from the ticket rows; stage
 * durations from each ticket's summary (`ticketSummaries`, by ticket id), the same figures
 * its ticket.closed carried. Working days to match / to complete are the tickets' toMatch
 * (accepted → matched) and toComplete (matched → completed) stages; tickets without the
 * stage (rejected, cancelled) or without working days for it do not count.
 */
export function buildDemandListSummary(
  list: CompletedList,
  tickets: readonly Ticket[],
  ticketSummaries: ReadonlyMap<string, TicketSummary>,
): DemandListSummary {
  const byType: Partial<Record<ServiceType, number>> = {};
  const byOutcome = { closed: 0, rejected: 0, cancelled: 0 };
  for (const t of tickets) {
    byType[t.type] = (byType[t.type] ?? 0) + 1;
    if (t.status === 'closed' || t.status === 'rejected' || t.status === 'cancelled') byOutcome[t.status]++;
  }
  const summaries = tickets.map((t) => ticketSummaries.get(t.id)).filter((s): s is TicketSummary => s !== undefined);
  const toMatch = workingDaysOf(summaries.map((s) => s.durations.toMatch));
  const toComplete = workingDaysOf(summaries.map((s) => s.durations.toComplete));
  const ratings = tickets.map((t) => t.rating).filter((r): r is number => r !== null);
  return {
    demandListId: list.id,
    zone: { id: list.zone.id, name: list.zone.name },
    title: list.title,
    filedAt: list.filedAt.toISOString(),
    completedAt: list.completedAt.toISOString(),
    tickets: tickets.length,
    byType,
    byOutcome,
    workingDaysToMatch: { median: median(toMatch), worst: worst(toMatch) },
    workingDaysToComplete: { median: median(toComplete), worst: worst(toComplete) },
    averageRating: ratings.length ? round2(ratings.reduce((a, b) => a + b, 0) / ratings.length) : null,
    ratedTickets: ratings.length,
    slaBreachedTickets: tickets.filter((t) => t.slaBreaches > 0).length,
  };
}

function workingDaysOf(durations: (StageDuration | null)[]): number[] {
  return durations.map((d) => d?.workingDays).filter((w): w is number => typeof w === 'number');
}
