import { CalendarYearMissingError, WorkingCalendar } from '@enterpark/calendar';
import { StageDuration } from '@enterpark/events';

/** All a summary needs of the official calendar. */
export type WorkingDayCounter = Pick<WorkingCalendar, 'workingDaysBetween'>;

const HOUR_MS = 3_600_000;

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The length of the stage from `from` to `to`; null when the stage did not happen (either
 * end missing). Working days are null when the calendar lacks a year the stage touches:
 * a summary is still written, with the hours, rather than a guessed or failed one.
 */
export function stageDuration(from: Date | null, to: Date | null, calendar: WorkingDayCounter): StageDuration | null {
  if (!from || !to) return null;
  const hours = round2(Math.max(0, to.getTime() - from.getTime()) / HOUR_MS);
  return { workingDays: workingDays(from, to, calendar), hours };
}

function workingDays(from: Date, to: Date, calendar: WorkingDayCounter): number | null {
  try {
    return round2(calendar.workingDaysBetween(from, to));
  } catch (error) {
    if (error instanceof CalendarYearMissingError) return null;
    throw error;
  }
}

/** The middle value (the mean of the two middle ones for an even count), rounded to 0.01; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return round2(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}

export function worst(values: readonly number[]): number | null {
  return values.length === 0 ? null : round2(Math.max(...values));
}
