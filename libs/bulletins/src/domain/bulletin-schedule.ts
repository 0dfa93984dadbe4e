import { inShanghai } from '@enterpark/common';
import { lastEndedPeriod, ReportPeriod } from '@enterpark/statistics';

/** The hour (Asia/Shanghai) bulletins are issued on their day. */
export const BULLETIN_HOUR = 9;

const DAY_MS = 24 * 3600 * 1000;

/**
 * The bulletins due at `now`: on the first working day of a month, from 09:00 Shanghai, the
 * previous month's, and on the first working day of a quarter also the previous quarter's.
 * Any other day none. `isWorkday` is the official calendar's (调休 included).
 */
export function bulletinsDue(now: Date, isWorkday: (day: string) => boolean): ReportPeriod[] {
  const local = inShanghai(now);
  if (local.getUTCHours() < BULLETIN_HOUR) return [];
  const today = local.toISOString().slice(0, 10);
  if (!isWorkday(today)) return [];
  for (let d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1)); d.toISOString().slice(0, 10) < today; d = new Date(d.getTime() + DAY_MS)) {
    if (isWorkday(d.toISOString().slice(0, 10))) return [];
  }
  const due = [lastEndedPeriod(now, 'month')];
  if (local.getUTCMonth() % 3 === 0) due.push(lastEndedPeriod(now, 'quarter'));
  return due;
}
