import { RedisOptions } from 'ioredis';
import { AppConfig } from '@enterpark/config';

/** The longest wait between two attempts to reconnect to Redis. */
const RECONNECT_MAX_DELAY_MS = 2_000;

/** ioredis options from a redis:// or rediss:// URL. */
export function redisOptions(url: string): RedisOptions {
  const u = new URL(url);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    // Workers block on Redis; BullMQ requires unlimited retries per request for them.
    maxRetriesPerRequest: null,
    // BullMQ's own strategy backs off to 20 s between attempts: a Redis back after a minute's
    // outage would then wait up to 20 s more for its clients. Every 2 s at most is cheap.
    retryStrategy: (attempt: number) => Math.min(attempt * 200, RECONNECT_MAX_DELAY_MS),
  };
}

export interface QueueConnection {
  connection: RedisOptions | { connectionString: string; migrate: boolean };
  prefix: string;
}

/**
 * The BullMQ connection for the configured backend. Redis is the production
 * backend; BullMQ's PostgreSQL backend is the embedded fallback when no Redis runs.
 * `failFast`: a command while Redis is unreachable fails at once (no offline queue) rather
 * than waiting for the reconnection.
 */
export function queueConnection(config: AppConfig, { failFast = false }: { failFast?: boolean } = {}): QueueConnection {
  if (config.queueBackend === 'redis') {
    const options = redisOptions(config.redisUrl!);
    return { connection: failFast ? { ...options, maxRetriesPerRequest: 1, enableOfflineQueue: false } : options, prefix: config.queuePrefix };
  }
  return { connection: { connectionString: config.databaseUrl!, migrate: true }, prefix: config.queuePrefix };
}
