import { performance } from 'node:perf_hooks';
import { SERVICE_TYPES } from '@enterpark/common';
import { HttpClient } from './http';
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

  private async fileOne(period: string, dueAt: number, result: LoadResult): Promise<void> {
    const n = this.sent++;
    const filer = this.filers[n % this.filers.length];
    try {
      const reply = await this.http.send('POST', '/api/v1/demand-lists', this.body(period, n), filer.token);
      if (reply.status === 201) {
        result.accepted++;
        result.ackMs.push(performance.now() - dueAt);
      } else {
        this.fail(result, String(reply.status));
      }
    } catch (error) {
      this.fail(result, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
    }
  }

  private fail(result: LoadResult, why: string): void {
    result.failed++;
    result.failures[why] = (result.failures[why] ?? 0) + 1;
  }

  /**
   * Open loop at a fixed rate: list i is due at start + i / listsPerSecond and is sent
   * then, whether or not earlier ones were answered (no coordinated omission).
   */
  async steady(period: string, ticketsPerSecond: number, seconds: number): Promise<LoadResult> {
    const listsPerSecond = ticketsPerSecond / this.items;
    const total = Math.max(1, Math.round(listsPerSecond * seconds));
    const intervalMs = 1000 / listsPerSecond;
    const result = newResult();
    const t0 = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total && !this.signal.aborted; ) {
      const now = performance.now();
      const due = Math.min(total, Math.floor((now - t0) / intervalMs) + 1);
      for (; i < due; i++) inFlight.push(this.fileOne(period, t0 + i * intervalMs, result));
      if (i < total) await sleep(Math.max(0, t0 + i * intervalMs - performance.now()));
    }
    await Promise.all(inFlight);
    result.elapsedMs = performance.now() - t0;
    return result;
  }

  /** Closed loop: `connections` loops, each sending its next list as soon as the previous is answered. */
  async fullSpeed(period: string, connections: number, seconds: number): Promise<LoadResult> {
    const result = newResult();
    const t0 = performance.now();
    const end = t0 + seconds * 1000;
    const loop = async () => {
      while (performance.now() < end && !this.signal.aborted) await this.fileOne(period, performance.now(), result);
    };
    await Promise.all(Array.from({ length: connections }, loop));
    result.elapsedMs = performance.now() - t0;
    return result;
  }
}

function newResult(): LoadResult {
  return { startedAt: Date.now(), elapsedMs: 0, accepted: 0, failed: 0, failures: {}, ackMs: [] };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}
