import { HttpClient } from '../intake/http';

export interface Latency {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function summary(times: number[], errors: number): Latency {
  times.sort((a, b) => a - b);
  return { requests: times.length, errors, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

/**
 * GETs every path of each series with `clients` concurrent clients, in milliseconds per request.
 * A client sends one request of each series in turn (baseline, measured, baseline, …), so the
 * series share whatever else the machine is doing at that moment: their ratio is what is compared.
 */
export async function timeInterleaved(http: HttpClient, token: string, series: readonly (readonly string[])[], clients: number): Promise<Latency[]> {
  const times = series.map((): number[] => []);
  const errors = series.map(() => 0);
  let next = 0;
  const rounds = Math.min(...series.map((s) => s.length));
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < rounds) {
        const i = next++;
        for (const [s, paths] of series.entries()) {
          const t0 = process.hrtime.bigint();
          const reply = await http.send('GET', paths[i], undefined, token);
          times[s].push(Number(process.hrtime.bigint() - t0) / 1e6);
          if (reply.status !== 200) errors[s]++;
        }
      }
    }),
  );
  return times.map((t, s) => summary(t, errors[s]));
}
