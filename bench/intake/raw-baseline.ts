import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ConnectionOptions, Queue, Worker } from 'bullmq';
import { Pool, PoolClient } from 'pg';
import { SERVICE_TYPES } from '@enterpark/common';
import { parseRedisUrl } from '@enterpark/config';
import { DEFAULT_JOB_OPTIONS, DomainEvent, redisOptions } from '@enterpark/events';
import { Filer } from './seed';

export interface RawRate {
  count: number;
  elapsedMs: number;
  perSecond: number;
  complete: boolean;
}

function placeholders(rows: number, cols: number): string {
  return Array.from({ length: rows }, (_, r) => `(${Array.from({ length: cols }, (_, c) => `$${r * cols + c + 1}`).join(', ')})`).join(', ');
}

/** The rows one filed list writes (as FileDemandListService does), with one multi-row INSERT per table. */
function listStatements(filer: Filer, items: number, n: number): { text: string; values: unknown[] }[] {
  const now = new Date();
  const listId = randomUUID();
  const tickets = Array.from({ length: items }, (_, i) => ({ id: randomUUID(), type: SERVICE_TYPES[(n + i) % SERVICE_TYPES.length], seq: i + 1 }));
  const ticketValues = tickets.flatMap((t) => [
    t.id, listId, filer.zoneId, t.seq, t.type, `需求 ${n}-${t.seq - 1}`, null, null, ['bench'], 'submitted', null, null, 1, now, null, now,
  ]);
  const events = [
    { name: 'demand_list.filed', aggregateType: 'demand_list', aggregateId: listId, payload: { demandListId: listId, zoneId: filer.zoneId, ticketIds: tickets.map((t) => t.id) } },
    ...tickets.map((t) => ({
      name: 'ticket.submitted', aggregateType: 'ticket', aggregateId: t.id,
      payload: { ticketId: t.id, demandListId: listId, zoneId: filer.zoneId, type: t.type },
    })),
  ];
  const eventValues = events.flatMap((e) => [
    randomUUID(), e.name, e.aggregateType, e.aggregateId, filer.zoneId, filer.userId, JSON.stringify(e.payload), now, null,
  ]);
  return [
    {
      text: `INSERT INTO demand_list (id, zone_id, title, period, status, filed_by, idempotency_key, request_hash, item_count, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      values: [listId, filer.zoneId, `压测需求清单 raw #${n}`, 'raw', 'open', filer.userId, null, null, items, now],
    },
    {
      text: `INSERT INTO ticket (id, demand_list_id, zone_id, seq, type, title, description, desired_by, tags, status, desk, assignee_id,
                                 version, created_at, routed_at, updated_at)
             VALUES ${placeholders(items, 16)}`,
      values: ticketValues,
    },
    {
      text: `INSERT INTO event (id, name, aggregate_type, aggregate_id, zone_id, actor_id, payload, occurred_at, published_at)
             VALUES ${placeholders(events.length, 9)}`,
      values: eventValues,
    },
  ];
}

/**
 * Runs `step` over and over on each of `connections` raw connections in parallel, for
 * `seconds` or until a step answers false; answers the elapsed milliseconds.
 */
export async function onConnections(
  databaseUrl: string, seconds: number, connections: number, signal: AbortSignal, step: (client: PoolClient) => Promise<boolean>,
): Promise<number> {
  const pool = new Pool({ connectionString: databaseUrl, max: connections, application_name: 'bench-raw' });
  pool.on('error', () => undefined); // an idle client cut off by DROP DATABASE during cleanup after a failure
  try {
    const t0 = performance.now();
    const end = t0 + seconds * 1000;
    const loop = async () => {
      const client = await pool.connect();
      client.on('error', () => undefined);
      try {
        while (performance.now() < end && !signal.aborted && (await step(client)));
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: connections }, loop));
    return performance.now() - t0;
  } finally {
    await pool.end();
  }
}

/**
 * Raw limit (a): the same rows as intake writes (list, tickets, their outbox events),
 * inserted directly, one transaction per list, on `connections` connections for `seconds`.
 * Run it with the worker stopped, or the relay would publish these events.
 */
export async function rawInserts(
  databaseUrl: string, filers: Filer[], items: number, seconds: number, connections: number, signal: AbortSignal,
): Promise<RawRate> {
  let lists = 0;
  const elapsedMs = await onConnections(databaseUrl, seconds, connections, signal, async (client) => {
    const n = lists;
    const statements = listStatements(filers[n % filers.length], items, n);
    await client.query('BEGIN');
    for (const s of statements) await client.query(s.text, s.values);
    await client.query('COMMIT');
    lists++;
    return true;
  });
  return { count: lists * items, elapsedMs, perSecond: (lists * items * 1000) / elapsedMs, complete: true };
}

/**
 * Raw limit (b): `jobs` jobs through bare BullMQ, as the relay would enqueue them
 * (ticket.submitted events, event id as job id, addBulk of 500, the app's job options),
 * consumed by a do-nothing Worker at concurrency 100. Timed from the first add to the last completion.
 */
export async function rawBullmq(redisUrl: string, prefix: string, jobs: number, timeoutMs: number, signal: AbortSignal): Promise<RawRate> {
  // The app's own ioredis options (apps use them the same way, see QueueModule).
  const connection = redisOptions(parseRedisUrl(redisUrl)) as ConnectionOptions;
  const name = 'raw-baseline';
  const queue = new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  let completed = 0;
  let allDone!: () => void;
  const finished = new Promise<void>((resolve) => (allDone = resolve));
  const worker = new Worker(name, async () => undefined, { connection, prefix, concurrency: 100 });
  worker.on('completed', () => {
    if (++completed === jobs) allDone();
  });
  try {
    await Promise.all([queue.waitUntilReady(), worker.waitUntilReady()]);
    const zoneId = randomUUID();
    const demandListId = randomUUID();
    const t0 = performance.now();
    const producing = (async () => {
      for (let i = 0; i < jobs && !signal.aborted; i += 500) {
        const chunk = Array.from({ length: Math.min(500, jobs - i) }, (_, k) => {
          const ticketId = randomUUID();
          const event: DomainEvent<'ticket.submitted'> = {
            id: randomUUID(), name: 'ticket.submitted', aggregateType: 'ticket', aggregateId: ticketId, zoneId, actorId: null,
            payload: { ticketId, demandListId, zoneId, type: SERVICE_TYPES[(i + k) % SERVICE_TYPES.length] },
            occurredAt: new Date().toISOString(),
          };
          return { name: event.name, data: event, opts: { jobId: event.id } };
        });
        await queue.addBulk(chunk);
      }
    })();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const aborted = new Promise<'timeout'>((resolve) => signal.addEventListener('abort', () => resolve('timeout'), { once: true }));
    const outcome = await Promise.race([Promise.all([producing, finished]), timedOut, aborted]);
    clearTimeout(timer);
    await producing;
    const elapsedMs = performance.now() - t0;
    return { count: completed, elapsedMs, perSecond: (completed * 1000) / elapsedMs, complete: outcome !== 'timeout' };
  } finally {
    await worker.close(true).catch(() => undefined);
    await queue.close().catch(() => undefined);
  }
}
