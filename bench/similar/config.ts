import { infra, Infra, num } from '../intake/config';

/** Every knob of the similar-tickets benchmark, read once from the environment. */
export interface SimilarBenchConfig extends Infra {
  /** Generated tickets besides the 216 labelled ones. */
  tickets: number;
  /** Requests per timed phase (each of: baseline and /similar, sequential and concurrent). */
  requests: number;
  /** Clients of the concurrent phases. */
  concurrency: number;
  deadlineSeconds: number;
  /** Targets from the issue. */
  targetP99Ms: number;
  targetPrecision: number;
  targetRecall: number;
}

export function similarConfig(): SimilarBenchConfig {
  return {
    ...infra(),
    tickets: num('BENCH_TICKETS', 1_000_000, 0, 5_000_000),
    requests: num('BENCH_REQUESTS', 800, 50, 20_000),
    concurrency: num('BENCH_CONCURRENCY', 8, 1, 64),
    deadlineSeconds: num('BENCH_DEADLINE', 900, 60, 3_600),
    targetP99Ms: 50,
    targetPrecision: 0.8,
    targetRecall: 0.7,
  };
}
