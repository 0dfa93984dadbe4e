import type { CalendarYear } from '../../api/types';
import { nextDay, shanghaiDay, weekdayOf } from '../../format/time';

/** Working days of the official calendar: Monday–Friday, minus holidays, plus the weekends worked (调休). */
export class WorkCalendar {
  private readonly holidays = new Set<string>();
  private readonly workdays = new Set<string>();
  private readonly years = new Set<number>();

  constructor(years: CalendarYear[]) {
    for (const y of years) {
      if (!y.known) continue;
      this.years.add(y.year);
      y.holidays.forEach((d) => this.holidays.add(d.day));
      y.workdays.forEach((d) => this.workdays.add(d.day));
    }
  }

  knows(day: string): boolean {
    return this.years.has(Number(day.slice(0, 4)));
  }

  isWorkingDay(day: string): boolean {
    if (this.workdays.has(day)) return true;
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(day);
  }
}

export type SlaState = { kind: 'remaining'; workingDays: number } | { kind: 'overdue'; days: number } | { kind: 'unknown' };

const DAY_MS = 24 * 3600 * 1000;

/**
 * Where a stage stands against its deadline (the end of its last working day, Shanghai time):
 * the working days left counting today, or the calendar days since it passed.
 */
export function slaState(dueAt: string, now: Date, calendar: WorkCalendar): SlaState {
  const due = new Date(dueAt);
  if (now.getTime() >= due.getTime()) return { kind: 'overdue', days: Math.max(1, Math.ceil((now.getTime() - due.getTime()) / DAY_MS)) };
  // The deadline instant is 24:00 of its last day, i.e. 00:00 of the next: step back a moment.
  const lastDay = shanghaiDay(new Date(due.getTime() - 1));
  let workingDays = 0;
  for (let day = shanghaiDay(now); day <= lastDay; day = nextDay(day)) {
    if (!calendar.knows(day)) return { kind: 'unknown' };
    if (calendar.isWorkingDay(day)) workingDays++;
  }
  return { kind: 'remaining', workingDays };
}

/** The years a calendar must cover to count from `now` to `dueAt`. */
export function yearsBetween(now: Date, dueAt: string): number[] {
  const from = Number(shanghaiDay(now).slice(0, 4));
  const to = Number(shanghaiDay(dueAt).slice(0, 4));
  return Array.from({ length: Math.max(0, to - from) + 1 }, (_, i) => from + i);
}
