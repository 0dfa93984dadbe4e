/**
 * Asia/Shanghai wall-clock time. China has kept UTC+8 without daylight saving since 1991,
 * so a fixed offset is exact for every date this service deals with, and far cheaper than
 * Intl on hot paths (a digest formats thousands of times).
 */
export const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** `at` shifted so that its UTC fields (getUTCHours, getUTCDate…) read Shanghai wall-clock time. */
export function inShanghai(at: Date): Date {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS);
}

/** The Shanghai calendar date `instant` falls on, as YYYY-MM-DD. */
export function shanghaiDay(instant: Date): string {
  return inShanghai(instant).toISOString().slice(0, 10);
}

/** 24:00 Shanghai of `day` (YYYY-MM-DD): the instant a deadline on that date ends. */
export function endOfShanghaiDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600 * 1000 - SHANGHAI_OFFSET_MS);
}
