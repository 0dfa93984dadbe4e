import { HttpClient } from '../intake/http';

export interface Latency {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Sends GET `paths` with `clients` concurrent clients (each takes the next path when done); milliseconds per request. */
export async function timeGets(http: HttpClient, token: string, paths: readonly string[], clients: number): Promise<Latency> {
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < paths.length) {
        const path = paths[next++];
        const t0 = process.hrtime.bigint();
        const reply = await http.send('GET', path, undefined, token);
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (reply.status !== 200) errors++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  times.sort((a, b) => a - b);
  return { requests: times.length, errors, perSecond: times.length / seconds, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}
