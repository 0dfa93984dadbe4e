import { performance } from 'node:perf_hooks';
import { SERVICE_TYPES } from '@enterpark/common';
import { HttpClient, Reply } from './http';
import { Filer } from './seed';

/** What the load generator saw of one phase: the HTTP side only. */
export interface LoadResult {
  /** Wall-clock start (Date.now()), comparable with the servers' timestamps. */
  startedAt: number;
  /** From the first submission to the last answer. */
  elapsedMs: number;
  accepted: number;
  failed: number;
  /** Status → count of the failures, e.g. { "500": 3, "ECONNRESET": 1 }. */
  failures: Record<string, number>;
  /** Client-side time to 201, from when the list was due (open loop) or sent (closed loop). */
  ackMs: number[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Files demand lists of `items` items each, spread over the six types, round-robin over the zones. */
export class ListFiler {
  private sent = 0;

  constructor(
    private readonly http: HttpClient,
    private readonly filers: Filer[],
    private readonly items: number,
    private readonly signal: AbortSignal,
  ) {}

  private body(period: string, n: number) {
    return {
      title: `压测需求清单 ${period} #${n}`,
      period,
      items: Array.from({ length: this.items }, (_, i) => ({
        type: SERVICE_TYPES[(n + i) % SERVICE_TYPES.length],
        title: `需求 ${n}-${i}`,
        tags: ['bench'],
      })),
    };
  }

  private fileOne(period: string, dueAt: number, result: LoadResult): Promise<void> {
    const n = this.sent++;
    const filer = this.filers[n % this.filers.length];
    return timed(result, dueAt, 201, () => this.http.send('POST', '/api/v1/demand-lists', this.body(period, n), filer.token));
  }

  /** Open loop at `ticketsPerSecond` for `seconds`, in lists of `items` tickets. */
  steady(period: string, ticketsPerSecond: number, seconds: number): Promise<LoadResult> {
    const listsPerSecond = ticketsPerSecond / this.items;
    const total = Math.max(1, Math.round(listsPerSecond * seconds));
    return openLoop(total, listsPerSecond, this.signal, (dueAt, result) => this.fileOne(period, dueAt, result));
  }

  /**
   * Closed loop on `connections` connections for `seconds`. While `hold()` answers true (a
   * backlog cap) each connection waits before its next list; the wait is not part of its ack time.
   */
  fullSpeed(period: string, connections: number, seconds: number, hold: () => boolean = () => false): Promise<LoadResult> {
    const end = performance.now() + seconds * 1000;
    return closedLoop(connections, () => performance.now() < end, this.signal, async (_, result) => {
      while (hold() && performance.now() < end) await sleep(20);
      if (performance.now() < end) await this.fileOne(period, performance.now(), result);
    });
  }
}

/** One request whose answer should be `expected`: its time since `dueAt` on success, its status or error code otherwise. */
export async function timed(result: LoadResult, dueAt: number, expected: number, request: () => Promise<Reply>): Promise<void> {
  try {
    const reply = await request();
    if (reply.status === expected) {
      result.accepted++;
      result.ackMs.push(performance.now() - dueAt);
    } else {
      fail(result, String(reply.status));
    }
  } catch (error) {
    fail(result, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
}

function fail(result: LoadResult, why: string): void {
  result.failed++;
  result.failures[why] = (result.failures[why] ?? 0) + 1;
}

/**
 * Open loop at a fixed rate: request i is due at start + i / perSecond and is sent then,
 * whether or not earlier ones were answered (no coordinated omission). With `maxInFlight`,
 * a request due while that many are unanswered is not sent but counted as failed ("shed"),
 * so that a server slower than the offered rate cannot stretch the phase without bound.
 */
export async function openLoop(
  total: number, perSecond: number, signal: AbortSignal, send: (dueAt: number, result: LoadResult) => Promise<void>, maxInFlight = Infinity,
): Promise<LoadResult> {
  const intervalMs = 1000 / perSecond;
  const result = newResult();
  const t0 = performance.now();
  const inFlight: Promise<void>[] = [];
  let unanswered = 0;
  const sendOrShed = (dueAt: number) => {
    if (unanswered >= maxInFlight) return fail(result, 'shed');
    unanswered++;
    inFlight.push(send(dueAt, result).finally(() => unanswered--));
  };
  for (let i = 0; i < total && !signal.aborted; ) {
    const now = performance.now();
    const due = Math.min(total, Math.floor((now - t0) / intervalMs) + 1);
    for (; i < due; i++) sendOrShed(t0 + i * intervalMs);
    if (i < total) await sleep(Math.max(0, t0 + i * intervalMs - performance.now()));
  }
  await Promise.all(inFlight);
  result.elapsedMs = performance.now() - t0;
  return result;
}

/** Closed loop: `connections` loops, each sending its next request as soon as the previous is answered, while `more()`. */
export async function closedLoop(
  connections: number, more: () => boolean, signal: AbortSignal, send: (sentAt: number, result: LoadResult) => Promise<void>,
): Promise<LoadResult> {
  const result = newResult();
  const t0 = performance.now();
  const loop = async () => {
    while (more() && !signal.aborted) await send(performance.now(), result);
  };
  await Promise.all(Array.from({ length: connections }, loop));
  result.elapsedMs = performance.now() - t0;
  return result;
}

function newResult(): LoadResult {
  return { startedAt: Date.now(), elapsedMs: 0, accepted: 0, failed: 0, failures: {}, ackMs: [] };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}
