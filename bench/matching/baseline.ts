import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ConnectionOptions, Queue, Worker } from 'bullmq';
import { PoolClient } from 'pg';
import { parseRedisUrl } from '@enterpark/config';
import { DEFAULT_JOB_OPTIONS, redisOptions } from '@enterpark/events';
import { RankableProvider, rankCandidates } from '@enterpark/matching';
import { openLoop, percentile } from '../intake/load';
import { onConnections, RawRate } from '../intake/raw-baseline';
import { RoutedTicket } from './seed';

export interface Latencies {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function latencies(ms: number[]): Latencies {
  return { p50Ms: percentile(ms, 0.5), p99Ms: percentile(ms, 0.99), maxMs: ms.length ? ms.reduce((a, b) => Math.max(a, b)) : NaN };
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * One proposal as ProposeMatchService makes it, statement for statement, on a raw pg
 * connection: lock the ticket, check for an open match, read its zone and the pool of
 * providers, rank them (the same rankCandidates), lock the first with room (SKIP LOCKED),
 * insert the match (the capacity trigger fires), move the ticket to `matching`, append
 * ticket.match_proposed. Answers false when every candidate was locked (the service retries).
 */
async function proposeRaw(c: PoolClient, ticketId: string): Promise<boolean> {
  const now = new Date();
  await c.query('BEGIN');
  try {
    const [t] = (await c.query(`SELECT * FROM ticket WHERE id = $1 FOR UPDATE`, [ticketId])).rows;
    await c.query(`SELECT * FROM ticket_match WHERE ticket_id = $1 AND status IN ('proposed', 'accepted') LIMIT 1`, [ticketId]);
    const [zone] = (await c.query(`SELECT city, province FROM zone WHERE id = $1`, [t.zone_id])).rows;
    const pool = await c.query(
      `SELECT p.*, EXISTS (SELECT 1 FROM ticket_match m WHERE m.ticket_id = $1 AND m.provider_id = p.id) AS proposed FROM service_provider p
        WHERE p.active AND $2 = ANY (p.service_types) AND p.active_matches < p.capacity`,
      [ticketId, t.type],
    );
    const providers: RankableProvider[] = pool.rows.map((p) => ({
      id: p.id, active: p.active, serviceTypes: p.service_types, capacity: p.capacity, activeMatches: p.active_matches,
      cities: p.cities, province: p.province, tags: p.tags, ratingSum: p.rating_sum, ratingCount: p.rating_count,
    }));
    const ranked = rankCandidates({ type: t.type, tags: t.tags, ...zone }, providers, new Set(pool.rows.filter((p) => p.proposed).map((p) => p.id)));
    const ids = ranked.map((r) => r.providerId);
    const [chosen] = (await c.query(
      `SELECT id FROM service_provider WHERE id = ANY ($1::uuid[]) AND active AND $2 = ANY (service_types) AND active_matches < capacity
        ORDER BY array_position($1::uuid[], id) LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [ids, t.type],
    )).rows;
    if (!chosen) {
      await c.query('ROLLBACK');
      return false;
    }
    const matchId = randomUUID();
    const expiresAt = new Date(now.getTime() + WEEK_MS);
    const reasons = ranked.find((r) => r.providerId === chosen.id)!.reasons;
    await c.query(
      `INSERT INTO ticket_match (id, ticket_id, provider_id, status, origin, reasons, proposed_at, expires_at) VALUES ($1, $2, $3, 'proposed', 'ranked', $4, $5, $6)`,
      [matchId, ticketId, chosen.id, reasons, now, expiresAt],
    );
    await c.query(
      `UPDATE ticket SET status = 'matching', matching_escalated_at = NULL, updated_at = $2, version = version + 1 WHERE id = $1 AND version = $3`,
      [ticketId, now, t.version],
    );
    const payload = { ticketId, zoneId: t.zone_id, matchId, providerId: chosen.id, expiresAt: expiresAt.toISOString(), reasons };
    await c.query(
      `INSERT INTO event (id, name, aggregate_type, aggregate_id, zone_id, actor_id, payload, occurred_at) VALUES ($1, 'ticket.match_proposed', 'ticket', $2, $3, NULL, $4, $5)`,
      [randomUUID(), ticketId, t.zone_id, payload, now],
    );
    await c.query('COMMIT');
    return true;
  } catch (error) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Raw limit: proposals for `tickets` (already `triaged`), one transaction each, on
 * `connections` connections, for `seconds` or until the tickets run out. Run it with
 * the worker stopped. Also answers each transaction's duration.
 */
export async function rawProposals(
  databaseUrl: string, tickets: RoutedTicket[], seconds: number, connections: number, signal: AbortSignal,
): Promise<RawRate & Latencies> {
  const txMs: number[] = [];
  let next = 0;
  const elapsedMs = await onConnections(databaseUrl, seconds, connections, signal, async (client) => {
    if (next >= tickets.length) return false;
    const ticket = tickets[next++];
    const start = performance.now();
    while (!(await proposeRaw(client, ticket.id))) await new Promise((r) => setTimeout(r, 1));
    txMs.push(performance.now() - start);
    return true;
  });
  return { count: txMs.length, elapsedMs, perSecond: (txMs.length * 1000) / elapsedMs, complete: !signal.aborted, ...latencies(txMs) };
}

/**
 * The bare queue hop: jobs added one at a time at `perSecond` for `seconds` (open loop),
 * each shaped like a relayed ticket.accepted (event id as job id, the app's job options),
 * to a do-nothing Worker at `concurrency`. Latency = due time → the worker has the job.
 */
export async function bareHop(
  redisUrl: string, prefix: string, perSecond: number, seconds: number, concurrency: number, signal: AbortSignal,
): Promise<Latencies & { count: number; complete: boolean }> {
  const connection = redisOptions(parseRedisUrl(redisUrl)) as ConnectionOptions;
  const name = 'bare-hop';
  const total = Math.round(perSecond * seconds);
  const queue = new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  const receivedMs: number[] = [];
  let allReceived!: () => void;
  const received = new Promise<void>((resolve) => (allReceived = resolve));
  const worker = new Worker(
    name,
    async (job) => {
      if (receivedMs.push(performance.now() - job.data.dueAt) === total) allReceived();
    },
    { connection, prefix, concurrency },
  );
  try {
    await Promise.all([queue.waitUntilReady(), worker.waitUntilReady()]);
    const ticketId = randomUUID();
    await openLoop(total, perSecond, signal, async (dueAt) => {
      const id = randomUUID();
      const event = { id, name: 'ticket.accepted', aggregateType: 'ticket', aggregateId: ticketId, payload: { ticketId }, occurredAt: new Date().toISOString() };
      await queue.add(event.name, { ...event, dueAt }, { jobId: id });
    });
    let timer: NodeJS.Timeout | undefined;
    const complete = await Promise.race([received.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 10_000)))]);
    clearTimeout(timer);
    return { count: receivedMs.length, complete, ...latencies(receivedMs) };
  } finally {
    await worker.close(true).catch(() => undefined);
    await queue.close().catch(() => undefined);
  }
}
