const DAY_MS = 24 * 3600 * 1000;

function utc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Monday of the ISO week a `YYYY-MM-DD` day falls in. */
export function mondayOf(day: string): string {
  const d = utc(day);
  return dayOf(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS);
}

/** `2026-W47`: the ISO 8601 week of a day (the week belongs to the year of its Thursday). */
export function isoWeekOf(day: string): string {
  const monday = utc(mondayOf(day)).getTime();
  const year = new Date(monday + 3 * DAY_MS).getUTCFullYear();
  const firstMonday = utc(mondayOf(`${year}-01-04`)).getTime();
  const week = 1 + Math.round((monday - firstMonday) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface WeekOption {
  value: string;
  label: string;
}

/** The week of `today` and the `count` weeks before it, newest first, each with its Monday–Sunday. */
export function recentWeeks(today: string, count: number): WeekOption[] {
  const monday = utc(mondayOf(today)).getTime();
  return Array.from({ length: count + 1 }, (_, i) => {
    const start = monday - i * 7 * DAY_MS;
    const [from, to] = [dayOf(start), dayOf(start + 6 * DAY_MS)];
    return { value: isoWeekOf(from), label: `${isoWeekOf(from)}（${from.slice(5)} 至 ${to.slice(5)}${i === 0 ? '，本周' : ''}）` };
  });
}
