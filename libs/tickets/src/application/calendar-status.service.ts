import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarService, CalendarYearSource } from '@enterpark/calendar';
import { Clock, shanghaiDay } from '@enterpark/common';

/** Where a year's working days come from, as coordinators are told it. */
export type CalendarYearOrigin = 'official' | 'published' | 'missing';

export interface CalendarYearStatus {
  year: number;
  source: CalendarYearOrigin;
  /** Missing years only: running clocks whose deadline waits for this year. */
  ticketsWaiting?: number;
}

export interface CalendarStatus {
  /** Today in Asia/Shanghai. */
  today: string;
  /** This year and the next. */
  years: CalendarYearStatus[];
  /** From 1 November, next year should be published: coordinators are warned ahead. */
  nextYearDue: boolean;
}

/**
 * Clocks without a deadline because its year has no calendar: a stage waiting for its
 * deadline, or a breach waiting for its escalation day.
 */
const WAITING_FOR_CALENDAR = `
  SELECT count(*)::int AS n FROM ticket
   WHERE (sla_stage IS NOT NULL AND sla_due_at IS NULL)
      OR (sla_breached_at IS NOT NULL AND sla_escalated_at IS NULL AND sla_escalate_at IS NULL)`;

/** Whether this year's and next year's working days are known, and what waits for a missing one. */
@Injectable()
export class CalendarStatusService {
  constructor(
    private readonly calendar: CalendarService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async status(): Promise<CalendarStatus> {
    const today = shanghaiDay(this.clock.now());
    const year = Number(today.slice(0, 4));
    const views = await Promise.all([year, year + 1].map((y) => this.calendar.yearView(y)));
    const waiting = views.some((v) => !v.known) ? await this.ticketsWaiting() : 0;
    // A clock waits for the first year it cannot count through: the earliest missing one.
    const firstMissing = views.find((v) => !v.known)?.year;
    const years = views.map((v): CalendarYearStatus => {
      const source = originOf(v.source);
      return source === 'missing' ? { year: v.year, source, ticketsWaiting: v.year === firstMissing ? waiting : 0 } : { year: v.year, source };
    });
    return { today, years, nextYearDue: today.slice(5) >= '11-01' && years[1].source === 'missing' };
  }

  async ticketsWaiting(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [row]: { n: number }[] = await manager.query(WAITING_FOR_CALENDAR);
    return row.n;
  }
}

function originOf(source: CalendarYearSource): CalendarYearOrigin {
  switch (source) {
    case 'package':
      return 'official';
    case 'published':
    case 'package+overrides':
      return 'published';
    case 'missing':
      return 'missing';
  }
}
