import { Pool } from 'pg';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Drain {
  drained: boolean;
  /** Tickets still pending (by default: still `submitted`) when the wait ended. */
  pending: number;
}

/** Intake's pending work; the partial index ticket_submitted_idx makes this count cheap. */
const SUBMITTED = `SELECT count(*)::int AS n FROM ticket WHERE status = 'submitted'`;

/**
 * The notification work still to do once `filed` tickets are routed: each routed ticket's
 * event gets a receipt when its emails are stored, and each stored email must leave
 * `queued`/`sending` (both counts read through indexes, cheap to poll).
 */
export function notYetMailedSql(filed: number): string {
  return `SELECT (GREATEST(0, ${filed} - (SELECT count(*) FROM notification_receipt))
                  + (SELECT count(*) FROM mail_message WHERE status IN ('queued', 'sending')))::int AS n`;
}

/**
 * Waits until `pendingSql` (a count named n) answers 0. Phases run one after another and
 * each drains before the next starts, so every pending ticket belongs to the current phase.
 */
export async function waitForDrain(db: Pool, timeoutMs: number, signal: AbortSignal, pendingSql = SUBMITTED): Promise<Drain> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    signal.throwIfAborted();
    const [{ n }] = (await db.query(pendingSql)).rows;
    if (n === 0) return { drained: true, pending: 0 };
    if (Date.now() > deadline) return { drained: false, pending: n };
    await sleep(50);
  }
}

export interface RoutedStats {
  tickets: number;
  routed: number;
  /** submit → routed: ticket.routed_at − ticket.created_at, both stamped by the servers. */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Epoch ms of the last routing of the phase. */
  lastRoutedAt: number;
}

/** Latency and count of the tickets of one phase (the phase name is the lists' `period`). */
export async function routedStats(db: Pool, period: string): Promise<RoutedStats> {
  const { rows } = await db.query(
    `WITH t AS (
       SELECT t.routed_at, extract(epoch FROM t.routed_at - t.created_at) * 1000 AS ms
         FROM ticket t JOIN demand_list l ON l.id = t.demand_list_id
        WHERE l.period = $1)
     SELECT count(*)::int AS tickets,
            count(routed_at)::int AS routed,
            percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY ms) AS p,
            max(ms)::float8 AS max_ms,
            (extract(epoch FROM max(routed_at)) * 1000)::float8 AS last_routed_at
       FROM t`,
    [period],
  );
  const r = rows[0];
  const p: number[] = r.p ?? [NaN, NaN, NaN];
  return {
    tickets: r.tickets,
    routed: r.routed,
    p50Ms: p[0],
    p95Ms: p[1],
    p99Ms: p[2],
    maxMs: r.max_ms ?? NaN,
    lastRoutedAt: r.last_routed_at ?? NaN,
  };
}
