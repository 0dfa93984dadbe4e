import { SHANGHAI_OFFSET_MS } from './shanghai-time';

/** ISO 8601 weeks ("2026-W47", Monday to Sunday) as lived in Asia/Shanghai, the unit of the weekly digest. */
const WEEK_MS = 7 * 24 * 3600 * 1000;
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

export interface IsoWeek {
  /** "2026-W47" */
  readonly id: string;
  /** Monday 00:00 Asia/Shanghai. */
  readonly startsAt: Date;
  /** The next Monday 00:00 Asia/Shanghai (exclusive). */
  readonly endsAt: Date;
}

/** Monday 00:00 Shanghai of ISO week 1 of `year`: the week holding 4 January. */
function firstMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - weekday * 24 * 3600 * 1000 - SHANGHAI_OFFSET_MS;
}

function weeksInYear(year: number): number {
  return Math.round((firstMonday(year + 1) - firstMonday(year)) / WEEK_MS);
}

function weekAt(year: number, week: number): IsoWeek {
  const start = firstMonday(year) + (week - 1) * WEEK_MS;
  return { id: `${year}-W${String(week).padStart(2, '0')}`, startsAt: new Date(start), endsAt: new Date(start + WEEK_MS) };
}

/** The week "YYYY-Www", or null when there is no such week (2026-W54, 2026-W00, garbage). */
export function parseIsoWeek(id: string): IsoWeek | null {
  const match = ISO_WEEK.exec(id);
  if (!match) return null;
  const [year, week] = [Number(match[1]), Number(match[2])];
  if (year < 2000 || year > 2999 || week < 1 || week > weeksInYear(year)) return null;
  return weekAt(year, week);
}

/** The ISO week `instant` falls in, in Shanghai. */
export function isoWeekOf(instant: Date): IsoWeek {
  const t = instant.getTime();
  let year = new Date(t + SHANGHAI_OFFSET_MS).getUTCFullYear() + 1;
  while (firstMonday(year) > t) year -= 1;
  return weekAt(year, Math.floor((t - firstMonday(year)) / WEEK_MS) + 1);
}

/** The last week that has fully ended at `instant` (on a Monday, the week before). */
export function lastFinishedWeek(instant: Date): IsoWeek {
  return previousWeek(isoWeekOf(instant));
}

export function previousWeek(week: IsoWeek): IsoWeek {
  return isoWeekOf(new Date(week.startsAt.getTime() - 1));
}

export function nextWeek(week: IsoWeek): IsoWeek {
  return isoWeekOf(week.endsAt);
}
