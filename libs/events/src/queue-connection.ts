import { RedisOptions } from 'ioredis';
import { AppConfig } from '@enterpark/config';

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
  };
}

export interface QueueConnection {
  connection: RedisOptions | { connectionString: string; migrate: boolean };
  prefix: string;
}

/**
 * The BullMQ connection for the configured backend. Redis is the production
 * backend; BullMQ's PostgreSQL backend is the embedded fallback when no Redis runs.
 */
export function queueConnection(config: AppConfig): QueueConnection {
  if (config.queueBackend === 'redis') {
    return { connection: redisOptions(config.redisUrl!), prefix: config.queuePrefix };
  }
  return { connection: { connectionString: config.databaseUrl!, migrate: true }, prefix: config.queuePrefix };
}
