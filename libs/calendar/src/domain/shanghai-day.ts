import { SHANGHAI_OFFSET_MS as OFFSET_MS } from '@enterpark/common';

/** Calendar dates (YYYY-MM-DD) in Asia/Shanghai (a fixed UTC+8, see @enterpark/common). */
export const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of `day`, or NaN when `day` is not a real YYYY-MM-DD date (2026-02-30 is not). */
function utcMidnight(day: string): number {
  const match = DAY_FORMAT.exec(day);
  if (!match) return NaN;
  const [year, month, date] = match.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, date);
  return new Date(ms).toISOString().slice(0, 10) === day ? ms : NaN;
}

export function isCalendarDay(day: string): boolean {
  return !Number.isNaN(utcMidnight(day));
}

function checkedMidnight(day: string): number {
  const ms = utcMidnight(day);
  if (Number.isNaN(ms)) throw new RangeError(`not a YYYY-MM-DD calendar date: ${day}`);
  return ms;
}

function dayOfUtcMidnight(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** 00:00 Shanghai of `day`, as epoch milliseconds. */
export function startOfDay(day: string): number {
  return checkedMidnight(day) - OFFSET_MS;
}

/** 24:00 Shanghai of `day` (the start of the next day), as epoch milliseconds. */
export function endOfDay(day: string): number {
  return startOfDay(day) + DAY_MS;
}

export function nextDay(day: string): string {
  return dayOfUtcMidnight(checkedMidnight(day) + DAY_MS);
}

export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

/** Saturday or Sunday. */
export function isWeekend(day: string): boolean {
  const weekday = new Date(checkedMidnight(day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Every date of `year`, in order. */
export function daysOfYear(year: number): string[] {
  const days: string[] = [];
  for (let ms = Date.UTC(year, 0, 1); new Date(ms).getUTCFullYear() === year; ms += DAY_MS) days.push(dayOfUtcMidnight(ms));
  return days;
}
