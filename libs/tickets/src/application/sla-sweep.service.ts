import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarService, CalendarYearMissingError, WorkingCalendar } from '@enterpark/calendar';
import { Clock } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { breachSla, escalateSla, ESCALATE_AFTER_WORKING_DAYS } from '../domain/sla';
import { changed, Ticket, Transition } from '../domain/ticket';
import { SlaTimer } from '../persistence/ticket-query';
import { TicketRepository } from '../persistence/ticket.repository';
import { SlaScheduler } from './sla-scheduler.service';
import { TicketWriter } from './ticket-writer.service';

const BATCH = 100;

export interface SlaSweepResult {
  scheduled: number;
  breached: number;
  escalated: number;
}

/**
 * The SLA timers. Deadlines live on the ticket rows; this sweep (woken by the timers job)
 * claims what is due, so a lost job or a restarted worker only delays a reminder until
 * the next sweep. Each claim is its own transaction; rows another sweeper holds are skipped.
 */
@Injectable()
export class SlaSweepService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly scheduler: SlaScheduler,
    private readonly writer: TicketWriter,
    private readonly calendar: CalendarService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<SlaSweepResult> {
    this.calendar.refresh(); // a year published on another replica unblocks deadlines now, not after the cache expires
    const scheduled = await this.drain('unscheduled', (manager, ticket, now) => this.schedule(manager, ticket, now));
    await this.drain('unscheduled-escalation', async (manager, ticket, now) => {
      const escalateAt = this.escalateAt(await this.calendar.current(manager), ticket);
      return escalateAt ? { ticket: changed(ticket, now, { slaEscalateAt: escalateAt }), events: [] } : null;
    });
    const breached = await this.drain('breach', async (manager, ticket, now) => breachSla(ticket, this.escalateAt(await this.calendar.current(manager), ticket), now));
    const escalated = await this.drain('escalation', (_m, ticket, now) => escalateSla(ticket, now));
    return { scheduled, breached, escalated };
  }

  /** A deadline the calendar could not give earlier (its year was missing): quietly retried. */
  private async schedule(manager: EntityManager, ticket: Ticket, now: Date): Promise<Transition | null> {
    const { tickets } = await this.scheduler.schedule(manager, [ticket], () => false);
    return tickets[0].slaDueAt ? { ticket: changed(tickets[0], now, {}), events: [] } : null;
  }

  /** One working day after the deadline's own day (null while the calendar lacks the year). */
  private escalateAt(calendar: WorkingCalendar, ticket: Ticket): Date | null {
    try {
      return calendar.addWorkingDays(new Date(ticket.slaDueAt!.getTime() - 1), ESCALATE_AFTER_WORKING_DAYS);
    } catch (error) {
      if (error instanceof CalendarYearMissingError) return null;
      throw error;
    }
  }

  /** Claims and handles due tickets batch by batch until none is left (or none can progress). */
  private async drain(
    kind: SlaTimer,
    handle: (manager: EntityManager, ticket: Ticket, now: Date) => Promise<Transition | null> | Transition | null,
  ): Promise<number> {
    let total = 0;
    for (;;) {
      const { claimed, done } = await this.tx.run(async (manager) => {
        const now = this.clock.now();
        const due = await this.tickets.claimSlaDue(manager, kind, now, BATCH);
        let changedCount = 0;
        for (const ticket of due) {
          const transition = await handle(manager, ticket, now);
          if (!transition) continue;
          await this.writer.write(manager, ticket, transition, now);
          changedCount++;
        }
        return { claimed: due.length, done: changedCount };
      });
      total += done;
      // Stop when the batch was short, or when nothing in it could progress (calendar still missing).
      if (claimed < BATCH || done === 0) return total;
    }
  }
}
