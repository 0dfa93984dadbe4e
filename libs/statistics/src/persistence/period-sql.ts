import { IsoWeek, shanghaiDay } from '@enterpark/common';

/**
 * SQL shared by the digest queries. The "open" clause is written exactly as the partial
 * index ticket_open_zone_idx (migration 1763942400000) states it: the planner only uses a
 * partial index when the query implies its predicate, and repeating it is the sure way.
 */
export const OPEN = `status NOT IN ('closed', 'rejected', 'cancelled')`;

/** Still being worked on by the department (open and not waiting for the zone's confirmation). */
export const WORKING = `${OPEN} AND status <> 'completed'`;

/** Late at the end of the week: the stage's SLA was breached, or the desk's due date or the zone's desired date passed. */
export const OVERDUE = `(${WORKING} AND (sla_breached_at IS NOT NULL OR due_at < $end OR desired_by < $endDay))`;

/** A stretch of whole weeks: a week, or the dashboard's period. */
export type Period = Pick<IsoWeek, 'startsAt' | 'endsAt'>;

/**
 * Replaces the week placeholders (`$start`, `$end`, `$endDay`) with parameters numbered from
 * `first`, only those the text uses: PostgreSQL refuses a parameter it cannot type.
 */
export function weekParams(sql: string, week: Period, first: number): { sql: string; params: unknown[] } {
  const values = { start: week.startsAt, end: week.endsAt, endDay: shanghaiDay(week.endsAt) };
  const params: unknown[] = [];
  const placeholders: number[] = [];
  const text = sql.replace(/\$(start|endDay|end)\b/g, (_m, name: keyof typeof values) => {
    const at = Object.keys(values).indexOf(name);
    const index = (placeholders[at] ??= first + params.push(values[name]) - 1);
    return `$${index}`;
  });
  return { sql: text, params };
}

export function inWeek(column: string): string {
  return `(${column} >= $start AND ${column} < $end)`;
}

/** PostgreSQL hands `timestamptz` back as Date, but inside json_agg as ISO strings. */
export function dateOf(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}
