import { shanghaiDay } from '@enterpark/common';
import { CalendarYearMissingError } from '../calendar.errors';
import { CALENDAR_LIMITS, CalendarDay, CalendarYearSource, CalendarYearView } from './calendar-day';
import { OfficialCalendar } from './official-calendar';
import { DAY_MS, daysOfYear, endOfDay, isCalendarDay, isWeekend, nextDay, startOfDay, yearOf } from './shanghai-day';
import { WorkingCalendar } from './working-calendar';

/**
 * The official calendar with the database's corrections on top. A year is known when the
 * package has it or a coordinator published it; on a known year an override decides its day,
 * else the package's entry, else the weekday (Monday–Friday working). Nothing is guessed for
 * a year that is not known: every method that reaches one of its days throws.
 */
export class ChineseWorkingCalendar implements WorkingCalendar {
  private readonly overrides: ReadonlyMap<string, CalendarDay>;
  private readonly overriddenYears: ReadonlySet<number>;
  private readonly publishedYears: ReadonlySet<number>;
  private readonly workdaysByStart = new Map<number, boolean>();

  constructor(
    private readonly official: OfficialCalendar,
    overrides: readonly CalendarDay[] = [],
    publishedYears: Iterable<number> = [],
  ) {
    this.overrides = new Map(overrides.map((o) => [o.day, o]));
    this.overriddenYears = new Set(overrides.map((o) => yearOf(o.day)));
    this.publishedYears = new Set(publishedYears);
  }

  isKnownYear(year: number): boolean {
    return this.official.years.has(year) || this.publishedYears.has(year);
  }

  isWorkday(day: string): boolean {
    const special = this.specialDay(day);
    return special ? special.kind === 'workday' : !isWeekend(day);
  }

  /**
   * The end (24:00 Shanghai) of the `days`-th working day after `from`'s Shanghai date;
   * `days` = 0 gives the end of `from`'s own date, working day or not.
   */
  addWorkingDays(from: Date, days: number): Date {
    if (!Number.isInteger(days) || days < 0 || days > CALENDAR_LIMITS.maxWorkingDays) {
      throw new RangeError(`working days must be an integer 0..${CALENDAR_LIMITS.maxWorkingDays}, got ${days}`);
    }
    let day = shanghaiDay(checkedInstant(from));
    this.requireKnownYear(yearOf(day));
    for (let counted = 0; counted < days; ) {
      day = nextDay(day);
      if (this.isWorkday(day)) counted++;
    }
    return new Date(endOfDay(day));
  }

  /** Each working day contributes the part of [from, to) it holds (up to 24 h); rounded to 0.01 day. */
  workingDaysBetween(from: Date, to: Date): number {
    const start = checkedInstant(from).getTime();
    const end = checkedInstant(to).getTime();
    if (end <= start) return 0;
    let workingMs = 0;
    // Shanghai has no daylight saving: every day is DAY_MS long.
    for (let dayStart = startOfDay(shanghaiDay(from)); dayStart < end; dayStart += DAY_MS) {
      if (this.isWorkdayStartingAt(dayStart)) workingMs += Math.min(end, dayStart + DAY_MS) - Math.max(start, dayStart);
    }
    return Math.round((workingMs / DAY_MS) * 100) / 100;
  }

  /**
   * isWorkday by the day's 00:00 Shanghai, remembered: the calendar never changes, and a
   * ranking asks about the same few hundred days for each of thousands of tickets.
   */
  private isWorkdayStartingAt(dayStart: number): boolean {
    let workday = this.workdaysByStart.get(dayStart);
    if (workday === undefined) {
      workday = this.isWorkday(shanghaiDay(new Date(dayStart)));
      this.workdaysByStart.set(dayStart, workday);
    }
    return workday;
  }

  /**
   * The days of `year` that differ from the plain week: holidays on weekdays and working
   * Saturdays/Sundays. Source: 'package' (package data only), 'package+overrides' (package
   * data corrected by database rows), 'published' (a year only the database knows),
   * 'missing' (nobody knows it).
   */
  describeYear(year: number): CalendarYearView {
    const view: CalendarYearView = { year, known: this.isKnownYear(year), source: this.sourceOf(year), holidays: [], workdays: [] };
    if (!view.known) return view;
    for (const day of daysOfYear(year)) {
      const special = this.specialDay(day);
      if (special?.kind === 'holiday' && !isWeekend(day)) view.holidays.push({ day, name: special.name });
      if (special?.kind === 'workday' && isWeekend(day)) view.workdays.push({ day, name: special.name });
    }
    return view;
  }

  private sourceOf(year: number): CalendarYearSource {
    if (this.official.years.has(year)) return this.overriddenYears.has(year) ? 'package+overrides' : 'package';
    return this.publishedYears.has(year) ? 'published' : 'missing';
  }

  /** The override or the package's entry for `day`, if any; throws for a day of an unknown year. */
  private specialDay(day: string): CalendarDay | undefined {
    if (!isCalendarDay(day)) throw new RangeError(`not a YYYY-MM-DD calendar date: ${day}`);
    this.requireKnownYear(yearOf(day));
    return this.overrides.get(day) ?? this.official.days.get(day);
  }

  private requireKnownYear(year: number): void {
    if (!this.isKnownYear(year)) throw new CalendarYearMissingError(year);
  }
}

function checkedInstant(instant: Date): Date {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid date');
  return instant;
}
