import { HttpClient } from '../intake/http';

export interface Latency {
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  /** Items per answered page, on average. */
  items: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

export function latencyOf(times: number[], errors: number, items: number): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  return { requests: times.length, errors, p50: percentile(sorted, 50), p99: percentile(sorted, 99), items: times.length ? items / times.length : 0 };
}

/** A query the console sends: each request takes the next path (the filters rotate over several values). */
export interface QuerySeries {
  name: string;
  paths: string[];
  /** Follow nextCursor this many pages from each path (the deep-paging query); 1 = one page. */
  pages: number;
}

/**
 * Times `requests` GETs of a series spread over `clients` concurrent clients, in milliseconds
 * per request. A deep series walks `pages` pages at a time and starts a new walk where one ends
 * early (a zone manager's zone may hold fewer pages), so every series is `requests` samples:
 * over fewer, the p99 would be the single slowest request.
 */
export async function timeSeries(http: HttpClient, token: string, series: QuerySeries, requests: number, clients: number): Promise<Latency> {
  const times: number[] = [];
  let errors = 0;
  let items = 0;
  let sent = 0;
  let walk = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (sent < requests) {
        const start = series.paths[walk++ % series.paths.length];
        let cursor: string | null = null;
        for (let page = 0; page < series.pages && sent < requests; page++) {
          sent++;
          const path: string = cursor ? `${start}${start.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : start;
          const t0 = process.hrtime.bigint();
          const reply = await http.send('GET', path, undefined, token);
          times.push(Number(process.hrtime.bigint() - t0) / 1e6);
          if (reply.status !== 200) {
            errors++;
            break;
          }
          items += reply.body?.items?.length ?? 0;
          cursor = reply.body?.nextCursor ?? null;
          if (!cursor) break;
        }
      }
    }),
  );
  return latencyOf(times, errors, items);
}
