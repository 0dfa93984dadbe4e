/** A backing service a request needed and could not reach: the request may succeed when retried. */
export type UnavailableBackend = 'database' | 'redis';

/** SQLSTATEs of a PostgreSQL that is going away, not there yet, or full. */
const PG_UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown: the server is stopping (pg_ctl stop, a failover)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '53300', // too_many_connections
]);

/** Socket errors. ioredis never hands these to a caller (it retries, then answers with its own errors), so they are pg's. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** What pg, pg-pool and TypeORM say when the connection is gone or cannot be had. */
const PG_MESSAGES = [
  /^Connection terminated/, // unexpectedly / due to connection timeout
  /timeout exceeded when trying to connect/, // pg-pool: no free connection in time
  /^timeout expired$/, // pg: connecting took longer than connectionTimeoutMillis
  /is not queryable/, // a client that saw a connection error, or was closed
  /Connection with postgres database is not established/,
  /^Driver not Connected/,
];

/** ioredis when a command cannot reach Redis: retries used up, no offline queue, or a closed client. */
const REDIS_NAMES = new Set(['MaxRetriesPerRequestError']);
const REDIS_MESSAGES = [
  /^Reached the max retries per request limit/,
  /enableOfflineQueue options is false/,
  /^Connection is closed\.?$/,
  /^LOADING /, // Redis restarted and still reads its data
  /^READONLY /, // a replica after a failover, before it is promoted
];

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  driverError?: unknown;
  errors?: unknown;
}

function ownVerdict(e: ErrorLike): UnavailableBackend | null {
  const message = typeof e.message === 'string' ? e.message : '';
  if (REDIS_NAMES.has(String(e.name)) || REDIS_MESSAGES.some((m) => m.test(message))) return 'redis';
  const code = typeof e.code === 'string' ? e.code : '';
  // Class 08 is "connection exception", except a protocol violation (a bug, not an outage).
  if (PG_UNAVAILABLE_CODES.has(code) || (code.startsWith('08') && code !== '08P01')) return 'database';
  if (SOCKET_CODES.has(code) || PG_MESSAGES.some((m) => m.test(message))) return 'database';
  return null;
}

/**
 * Which backing service `error` says is unreachable, or null for any other failure. Looks
 * through the wrappers: TypeORM's `driverError`, `cause`, and the AggregateError Node gives
 * for a connection refused on every address of a host.
 */
export function unavailableBackend(error: unknown, depth = 0): UnavailableBackend | null {
  if (typeof error !== 'object' || error === null || depth > 4) return null;
  const e = error as ErrorLike;
  const own = ownVerdict(e);
  if (own) return own;
  const inner = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  for (const candidate of inner) {
    const verdict = unavailableBackend(candidate, depth + 1);
    if (verdict) return verdict;
  }
  return null;
}
