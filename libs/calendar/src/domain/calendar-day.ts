import { InvalidInputError } from '@enterpark/common';
import { isCalendarDay, yearOf } from './shanghai-day';

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export const CALENDAR_LIMITS = {
  minYear: 2000,
  maxYear: 2100,
  maxDaysPerYear: 100,
  nameLength: 50,
  /** addWorkingDays refuses more: a deadline further than a year's working days away is a bug. */
  maxWorkingDays: 366,
} as const;

/** One day that is not what its weekday says (or that restates it): a holiday or a working day. */
export interface CalendarDay {
  day: string;
  kind: CalendarDayKind;
  name: string;
}

/** Where a year's calendar comes from: see ChineseWorkingCalendar.describeYear. */
export type CalendarYearSource = 'package' | 'published' | 'package+overrides' | 'missing';

export interface CalendarYearView {
  year: number;
  known: boolean;
  source: CalendarYearSource;
  /** Holidays that fall on a weekday, in date order. */
  holidays: { day: string; name: string }[];
  /** Saturdays and Sundays that are working days (调休), in date order. */
  workdays: { day: string; name: string }[];
}

export function isCalendarYear(year: number): boolean {
  return Number.isInteger(year) && year >= CALENDAR_LIMITS.minYear && year <= CALENDAR_LIMITS.maxYear;
}

/**
 * The days a coordinator publishes for `year`, checked and cleaned (names trimmed, in date
 * order). The HTTP layer checks shapes too; these are the rules the use case owns.
 */
export function validatePublication(year: number, days: readonly CalendarDay[]): CalendarDay[] {
  const { minYear, maxYear, maxDaysPerYear } = CALENDAR_LIMITS;
  if (!isCalendarYear(year)) throw InvalidInputError.field('year', 'range', `year 必须是 ${minYear}–${maxYear} 之间的整数`);
  if (days.length > maxDaysPerYear) throw InvalidInputError.field('days', 'arrayMaxSize', `每个年度最多发布 ${maxDaysPerYear} 个特殊日期`);
  const seen = new Set<string>();
  const cleaned = days.map((entry, i) => {
    const day = validateDay(year, entry, `days.${i}`);
    if (seen.has(day.day)) throw InvalidInputError.field(`days.${i}.day`, 'unique', `days.${i}.day 日期 ${day.day} 重复`);
    seen.add(day.day);
    return day;
  });
  return cleaned.sort((a, b) => a.day.localeCompare(b.day));
}

function validateDay(year: number, entry: CalendarDay, field: string): CalendarDay {
  if (!isCalendarDay(entry.day)) throw InvalidInputError.field(`${field}.day`, 'isDate', `${field}.day 必须是 YYYY-MM-DD 格式的有效日期`);
  if (yearOf(entry.day) !== year) throw InvalidInputError.field(`${field}.day`, 'sameYear', `${field}.day 必须是 ${year} 年内的日期`);
  if (!CALENDAR_DAY_KINDS.includes(entry.kind)) throw InvalidInputError.field(`${field}.kind`, 'isIn', `${field}.kind 必须是 holiday 或 workday`);
  const name = entry.name.trim();
  if (name.length < 1 || [...name].length > CALENDAR_LIMITS.nameLength) {
    throw InvalidInputError.field(`${field}.name`, 'length', `${field}.name 长度须为 1–${CALENDAR_LIMITS.nameLength} 个字符`);
  }
  return { day: entry.day, kind: entry.kind, name };
}
