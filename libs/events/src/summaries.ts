import { ServiceType } from '@enterpark/common';

/**
 * A stage's length: working days of the official calendar (fractional) and wall-clock hours.
 * `workingDays` is null when the stage touches a year the calendar does not know yet
 * (nothing is guessed); the hours are always there.
 */
export interface StageDuration {
  workingDays: number | null;
  hours: number;
}

/** The completion summary of one ticket, as stored and as carried by ticket.completed / ticket.closed. */
export interface TicketSummary {
  ticketId: string;
  demandListId: string;
  zone: { id: string; name: string };
  type: ServiceType;
  title: string;
  desk: ServiceType | null;
  assignee: { id: string; name: string } | null;
  provider: { id: string; name: string } | null;
  round: number;
  timeline: {
    filedAt: string;
    routedAt: string | null;
    acceptedAt: string | null;
    matchedAt: string | null;
    firstActivityAt: string | null;
    completedAt: string | null;
    closedAt: string | null;
  };
  durations: {
    toRoute: StageDuration | null;
    toAccept: StageDuration | null;
    toMatch: StageDuration | null;
    toComplete: StageDuration | null;
    toClose: StageDuration | null;
    total: StageDuration | null;
  };
  outcome: string | null;
  activities: number;
  rating: number | null;
  solved: boolean | null;
  slaBreached: boolean;
  slaBreaches: number;
}

/** The completion summary of a demand list, once every ticket is closed, rejected or cancelled. */
export interface DemandListSummary {
  demandListId: string;
  zone: { id: string; name: string };
  title: string;
  filedAt: string;
  completedAt: string;
  tickets: number;
  byType: Partial<Record<ServiceType, number>>;
  byOutcome: { closed: number; rejected: number; cancelled: number };
  workingDaysToMatch: { median: number | null; worst: number | null };
  workingDaysToComplete: { median: number | null; worst: number | null };
  averageRating: number | null;
  ratedTickets: number;
  slaBreachedTickets: number;
}
