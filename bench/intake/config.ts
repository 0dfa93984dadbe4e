/** The local servers a benchmark runs against (it creates and drops its own database and queue keys there). */
export interface Infra {
  adminUrl: string;
  redisUrl: string;
  /** BENCH_LOG_STATEMENTS=1: the server logs every statement of the run's database (counting round trips; costs CPU). */
  logStatements: boolean;
}

/** Every knob of the intake benchmark, read once from the environment. */
export interface BenchConfig extends Infra {
  /** Offered load of the steady phase, in tickets per second. */
  rate: number;
  /** Length of the steady and full-speed phases. */
  seconds: number;
  /** Items (tickets) per demand list. */
  items: number;
  /** Concurrent connections of the full-speed phase. */
  connections: number;
  zones: number;
  /** Length of the raw insert phase, and its number of parallel connections. */
  rawSeconds: number;
  rawConnections: number;
  /** Longest wait for a phase's tickets to be routed after its last submission. */
  drainTimeoutSeconds: number;
  /** The whole run stops by itself after this. */
  deadlineSeconds: number;
  /** BENCH_UNTIL_MAILED=1: a phase's CPU window lasts until its tickets' assignment emails are stored and sent, not only routed. */
  untilMailed: boolean;
  /** Targets from the issue. */
  targetRatio: number;
  targetP99Ms: number;
}

export function num(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name} must be a number in [${min}, ${max}], got "${raw}"`);
  return value;
}

function localUrl(name: string, fallback: string): string {
  const url = process.env[name] || fallback;
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1' && host !== '[::1]') {
    throw new Error(`${name} must point at this machine (127.0.0.1), got ${host}`);
  }
  return url;
}

export function infra(): Infra {
  return {
    adminUrl: localUrl('BENCH_DATABASE_ADMIN_URL', 'postgres://postgres@127.0.0.1:5432/postgres'),
    redisUrl: localUrl('BENCH_REDIS_URL', 'redis://127.0.0.1:6379'),
    logStatements: process.env.BENCH_LOG_STATEMENTS === '1',
  };
}

export function benchConfig(): BenchConfig {
  return {
    ...infra(),
    rate: num('BENCH_RATE', 600, 1, 100_000),
    seconds: num('BENCH_SECONDS', 10, 1, 60),
    items: num('BENCH_ITEMS', 20, 1, 200),
    connections: num('BENCH_CONNECTIONS', 16, 1, 512),
    zones: num('BENCH_ZONES', 4, 1, 50),
    rawSeconds: num('BENCH_RAW_SECONDS', 5, 1, 30),
    rawConnections: num('BENCH_RAW_CONNECTIONS', 4, 1, 64),
    drainTimeoutSeconds: num('BENCH_DRAIN_TIMEOUT', 60, 1, 120),
    deadlineSeconds: num('BENCH_DEADLINE', 300, 30, 900),
    untilMailed: process.env.BENCH_UNTIL_MAILED === '1',
    targetRatio: 0.4,
    targetP99Ms: 50,
  };
}
