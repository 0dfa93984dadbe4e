import { Infra, infra, num } from '../intake/config';

/** Every knob of the matching benchmark, read once from the environment. */
export interface MatchingConfig extends Infra {
  /** Offered load of the steady phase, in acceptances per second, and its length. */
  rate: number;
  seconds: number;
  /** Unanswered acceptances beyond which the open loop sheds (the HTTP client's sockets). */
  maxInFlight: number;
  /** Untimed warm-up at `rate` before the steady phase. */
  warmupSeconds: number;
  /** Tickets accepted by the full-speed phase, and its concurrent connections. */
  fullTickets: number;
  connections: number;
  zones: number;
  providers: number;
  /** Places per provider: high enough that capacity never runs out during the run. */
  capacity: number;
  /** The raw proposal loop: its length and parallel connections. */
  rawSeconds: number;
  rawConnections: number;
  /** The bare queue hop: its length at `rate`, and its worker's concurrency (the matching processor's). */
  hopSeconds: number;
  hopConcurrency: number;
  /** Longest wait for a phase's proposals after its last acceptance. */
  drainTimeoutSeconds: number;
  /** The whole run stops by itself after this. */
  deadlineSeconds: number;
  /** Target from the issue: p99 accepted → proposed below this at `rate`. */
  targetP99Ms: number;
}

export function matchingConfig(): MatchingConfig {
  return {
    ...infra(),
    rate: num('BENCH_RATE', 600, 1, 10_000),
    seconds: num('BENCH_SECONDS', 25, 1, 60),
    maxInFlight: num('BENCH_MAX_IN_FLIGHT', 64, 1, 4096),
    warmupSeconds: num('BENCH_WARMUP_SECONDS', 3, 1, 30),
    fullTickets: num('BENCH_FULL_TICKETS', 6000, 100, 100_000),
    connections: num('BENCH_CONNECTIONS', 16, 1, 512),
    zones: num('BENCH_ZONES', 6, 1, 50),
    providers: num('BENCH_PROVIDERS', 60, 6, 1000),
    capacity: num('BENCH_CAPACITY', 10_000, 1, 10_000),
    rawSeconds: num('BENCH_RAW_SECONDS', 5, 1, 30),
    rawConnections: num('BENCH_RAW_CONNECTIONS', 8, 1, 64),
    hopSeconds: num('BENCH_HOP_SECONDS', 8, 1, 30),
    hopConcurrency: num('BENCH_HOP_CONCURRENCY', 50, 1, 500),
    drainTimeoutSeconds: num('BENCH_DRAIN_TIMEOUT', 60, 1, 120),
    deadlineSeconds: num('BENCH_DEADLINE', 300, 30, 900),
    targetP99Ms: 100,
  };
}
