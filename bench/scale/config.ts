import { infra, Infra, num } from '../intake/config';

/** Every knob of the scale-out benchmark, read once from the environment. */
export interface ScaleConfig extends Infra {
  /** Worker processes of each configuration, in turn. */
  workers: number[];
  /** API processes the load is spread over. */
  apis: number;
  /** Length of each configuration's full-speed load. */
  seconds: number;
  /** When (fraction of `seconds`) one worker is killed with SIGKILL and started again. */
  killAt: number;
  /** Items (tickets) per demand list, and closed-loop connections per API. */
  items: number;
  connectionsPerApi: number;
  /** Filing holds while this many tickets wait to be routed or mails to be sent. */
  backlogCap: number;
  zones: number;
  /** Every n-th routed ticket is accepted by its desk, so matching proposes a provider for it. */
  acceptEvery: number;
  providers: number;
  /** Longest wait after a configuration's load for everything to settle (a killed worker's jobs wait out their lock). */
  drainTimeoutSeconds: number;
  /** Connections per API and worker process (the machine's PostgreSQL allows 100 in all). */
  poolSize: number;
  deadlineSeconds: number;
}

function workerCounts(): number[] {
  const raw = process.env.BENCH_WORKERS || '1,2,4';
  const counts = raw.split(',').map((s) => Number(s.trim()));
  if (counts.some((n) => !Number.isInteger(n) || n < 1 || n > 8)) throw new Error(`BENCH_WORKERS must be worker counts 1-8 separated by commas, got "${raw}"`);
  return counts;
}

export function scaleConfig(): ScaleConfig {
  return {
    ...infra(),
    workers: workerCounts(),
    apis: num('BENCH_APIS', 2, 1, 4),
    seconds: num('BENCH_SECONDS', 12, 4, 120),
    killAt: num('BENCH_KILL_AT', 0.4, 0.1, 0.9),
    items: num('BENCH_ITEMS', 20, 1, 200),
    connectionsPerApi: num('BENCH_CONNECTIONS', 4, 1, 128),
    backlogCap: num('BENCH_BACKLOG', 500, 50, 100_000),
    zones: num('BENCH_ZONES', 4, 1, 50),
    acceptEvery: num('BENCH_ACCEPT_EVERY', 10, 1, 1000),
    providers: num('BENCH_PROVIDERS', 60, 6, 10_000),
    drainTimeoutSeconds: num('BENCH_DRAIN_TIMEOUT', 100, 10, 300),
    poolSize: num('BENCH_POOL_SIZE', 8, 2, 20),
    deadlineSeconds: num('BENCH_DEADLINE', 420, 60, 900),
  };
}
