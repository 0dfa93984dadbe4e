import { infra, Infra, num } from '../intake/config';

/** Every knob of the list-queries benchmark, read once from the environment. */
export interface QueriesBenchConfig extends Infra {
  /** The dedicated database the seed lives in; reused by later runs when present. */
  database: string;
  tickets: number;
  zones: number;
  recipients: number;
  providers: number;
  /** Requests per query and role in each phase (sequential, and spread over `connections`). */
  requests: number;
  connections: number;
  /** Pages followed with the cursor for the deep-paging query. */
  deepPages: number;
  /** Reseed even when the database exists. */
  reseed: boolean;
  deadlineSeconds: number;
  /** Target from the issue. */
  targetP99Ms: number;
}

export function queriesConfig(): QueriesBenchConfig {
  return {
    ...infra(),
    database: process.env.BENCH_QUERIES_DATABASE || 'enterpark_bench_queries',
    tickets: num('BENCH_TICKETS', 1_000_000, 1_000, 5_000_000),
    zones: num('BENCH_ZONES', 2_500, 1, 100_000),
    recipients: num('BENCH_RECIPIENTS', 3_000, 10, 100_000),
    providers: num('BENCH_PROVIDERS', 600, 6, 100_000),
    requests: num('BENCH_REQUESTS', 200, 20, 10_000),
    connections: num('BENCH_CONNECTIONS', 8, 1, 64),
    deepPages: num('BENCH_DEEP_PAGES', 20, 2, 200),
    reseed: process.env.BENCH_RESEED === 'true',
    deadlineSeconds: num('BENCH_DEADLINE', 3_000, 60, 7_200),
    targetP99Ms: 20,
  };
}
