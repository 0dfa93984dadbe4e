import { infra, Infra, num } from '../intake/config';

/** Every knob of the digest benchmark, read once from the environment. */
export interface DigestBenchConfig extends Infra {
  zones: number;
  /** Everyone who gets a digest: one manager per zone, desk staff, coordinators and viewers. */
  recipients: number;
  tickets: number;
  providers: number;
  /** The ISO week whose digests are composed and delivered. */
  week: string;
  /** Connections the SMTP sink accepts at once is unlimited; this is the worker's send concurrency. */
  sendConcurrency: number;
  deadlineSeconds: number;
  /** Targets from the issue. */
  targetSeconds: number;
  targetComposeP99Ms: number;
}

export function digestConfig(): DigestBenchConfig {
  return {
    ...infra(),
    zones: num('BENCH_ZONES', 2_500, 1, 100_000),
    recipients: num('BENCH_RECIPIENTS', 3_000, 10, 100_000),
    tickets: num('BENCH_TICKETS', 1_000_000, 1_000, 10_000_000),
    providers: num('BENCH_PROVIDERS', 600, 6, 100_000),
    week: process.env.BENCH_WEEK || '2026-W46',
    sendConcurrency: num('BENCH_SEND_CONCURRENCY', 20, 1, 200),
    deadlineSeconds: num('BENCH_DEADLINE', 1_500, 60, 3_600),
    targetSeconds: 60,
    targetComposeP99Ms: 50,
  };
}
