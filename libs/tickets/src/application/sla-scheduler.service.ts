import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarService, CalendarYearMissingError } from '@enterpark/calendar';
import { ServiceType } from '@enterpark/common';
import { queryPrepared } from '@enterpark/database';
import { NewEvent } from '@enterpark/events';
import { DEFAULT_SLA_TARGETS, scheduleSla, SlaTargets, slaUnscheduled, stageDeadline } from '../domain/sla';
import { Ticket } from '../domain/ticket';

/**
 * Gives every running stage clock its working-day deadline, inside the transaction that
 * started the stage. A deadline in a year without calendar data is not guessed: the
 * ticket keeps a null deadline, `ticket.sla_unscheduled` says why, and the SLA sweep
 * schedules it once coordinators publish that year.
 */
@Injectable()
export class SlaScheduler {
  constructor(private readonly calendar: CalendarService) {}

  /**
   * `announce`: whether a missing year is said for this ticket. Only when its stage clock
   * starts: a later transition within the same stage (an activity, say) stays quiet.
   */
  async schedule(manager: EntityManager, tickets: Ticket[], announce: (ticket: Ticket) => boolean = () => true): Promise<{ tickets: Ticket[]; events: NewEvent[] }> {
    if (!tickets.some(needsDeadline)) return { tickets, events: [] };
    const calendar = await this.calendar.current(manager);
    const targets = await this.targets(manager);
    const events: NewEvent[] = [];
    const scheduled = tickets.map((ticket) => {
      if (!needsDeadline(ticket)) return ticket;
      try {
        return scheduleSla(ticket, stageDeadline(ticket, targets.get(ticket.type) ?? DEFAULT_SLA_TARGETS, calendar)!);
      } catch (error) {
        if (!(error instanceof CalendarYearMissingError)) throw error;
        if (announce(ticket)) events.push(slaUnscheduled(ticket, ticket.slaStage!, error.year));
        return ticket;
      }
    });
    return { tickets: scheduled, events };
  }

  private async targets(manager: EntityManager): Promise<Map<ServiceType, SlaTargets>> {
    // Read in the transition's transaction (a target changed meanwhile applies at once); every transition runs it.
    const rows = await queryPrepared<SlaTargets & { type: ServiceType }>(
      manager,
      `SELECT type, triage_days AS "triageDays", matching_days AS "matchingDays", service_days AS "serviceDays" FROM sla_target`,
      [],
    );
    return new Map(rows.map(({ type, ...targets }) => [type, targets]));
  }
}

function needsDeadline(ticket: Ticket): boolean {
  return ticket.slaStage !== null && ticket.slaDueAt === null;
}

/** The transition started a stage clock (a new stage, or the same stage restarted). */
export function stageStarted(before: Ticket, after: Ticket): boolean {
  return before.slaStage !== after.slaStage || before.slaStartedAt?.getTime() !== after.slaStartedAt?.getTime();
}
