import { EventPayloads, SlaStage } from '@enterpark/events';
import { WorkingCalendar } from '@enterpark/calendar';
import { changed, ticketEvent, Ticket, Transition } from './ticket';

/** Working-day targets of one type's stages (configurable per type, table sla_target). */
export interface SlaTargets {
  triageDays: number;
  matchingDays: number;
  serviceDays: number;
}

export const DEFAULT_SLA_TARGETS: SlaTargets = { triageDays: 2, matchingDays: 5, serviceDays: 20 };

/** Reminder first (催办); coordinators this many working days after the breach (督办). */
export const ESCALATE_AFTER_WORKING_DAYS = 1;

/**
 * When the running stage is due. The service stage ends at the due date the desk set on
 * accepting, or after the type's default. Throws CalendarYearMissingError past known years.
 */
export function stageDeadline(ticket: Ticket, targets: SlaTargets, calendar: WorkingCalendar): Date | null {
  const start = ticket.slaStartedAt;
  if (!ticket.slaStage || !start) return null;
  switch (ticket.slaStage) {
    case 'triage':
      return calendar.addWorkingDays(start, targets.triageDays);
    case 'matching':
      return calendar.addWorkingDays(start, targets.matchingDays);
    case 'service':
      return ticket.dueAt && ticket.dueAt > start ? ticket.dueAt : calendar.addWorkingDays(start, targets.serviceDays);
  }
}

/** The deadline is known: the timer is set (no event: the ticket's own transition is the record). */
export function scheduleSla(ticket: Ticket, dueAt: Date): Ticket {
  return { ...ticket, slaDueAt: dueAt };
}

/** The deadline falls in a year without calendar data: said out loud, retried when the year is published. */
export function slaUnscheduled(ticket: Ticket, stage: SlaStage, missingYear: number): Transition['events'][number] {
  return ticketEvent('ticket.sla_unscheduled', ticket, null, { ticketId: ticket.id, zoneId: ticket.zoneId, stage, missingYear });
}

/** The stage is late: flag the ticket and remind the assignee (催办); escalation follows at `escalateAt`. */
export function breachSla(ticket: Ticket, escalateAt: Date | null, now: Date): Transition {
  const next = changed(ticket, now, { slaBreachedAt: now, slaEscalateAt: escalateAt, slaBreaches: ticket.slaBreaches + 1 });
  return { ticket: next, events: [ticketEvent('ticket.sla_breached', ticket, null, lateness(ticket))] };
}

/** Still late a working day after the reminder: coordinators take it up (督办). */
export function escalateSla(ticket: Ticket, now: Date): Transition {
  const next = changed(ticket, now, { slaEscalatedAt: now });
  return { ticket: next, events: [ticketEvent('ticket.sla_escalated', ticket, null, lateness(ticket))] };
}

/** What a reminder and an escalation say: which stage, due when, whose desk and assignee. */
function lateness(ticket: Ticket): EventPayloads['ticket.sla_breached'] {
  return {
    ticketId: ticket.id,
    zoneId: ticket.zoneId,
    stage: ticket.slaStage!,
    dueAt: ticket.slaDueAt!.toISOString(),
    assigneeId: ticket.assigneeId,
    desk: ticket.desk,
  };
}
