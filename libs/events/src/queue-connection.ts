import Redis, { Cluster, RedisOptions } from 'ioredis';
import { AppConfig, parseRedisUrl, RedisTarget } from '@enterpark/config';

/** The longest wait between two attempts to reconnect to Redis. */
const RECONNECT_MAX_DELAY_MS = 2_000;

/**
 * ioredis options for one server or the master behind Sentinels; a cluster's per-node options.
 * `maxRetriesPerRequest: null`: workers block on Redis, and BullMQ requires unlimited retries for them.
 */
export function redisOptions(target: RedisTarget): RedisOptions {
  const common: RedisOptions = {
    username: target.username,
    password: target.password,
    tls: target.tls ? {} : undefined,
    maxRetriesPerRequest: null,
    // BullMQ's own strategy backs off to 20 s between attempts: a Redis back after a minute's
    // outage would then wait up to 20 s more for its clients. Every 2 s at most is cheap.
    retryStrategy: (attempt: number) => Math.min(attempt * 200, RECONNECT_MAX_DELAY_MS),
  };
  switch (target.kind) {
    case 'standalone':
      return { ...common, host: target.node.host, port: target.node.port, db: target.db };
    case 'sentinel':
      return {
        ...common,
        sentinels: target.sentinels,
        name: target.masterName,
        db: target.db,
        sentinelPassword: target.sentinelPassword,
        sentinelTLS: target.tls ? {} : undefined,
        enableTLSForSentinelMode: target.tls,
        // ioredis asks the Sentinels for the master on every reconnect, and a demoted master drops its
        // clients (test/redis-sentinel). Not failoverDetector: its Sentinel subscription outlives quit().
      };
    case 'cluster':
      return common;
  }
}

/** A Cluster client: BullMQ needs an instance for a cluster (options alone make a single-server client). */
function clusterClient(target: Extract<RedisTarget, { kind: 'cluster' }>, overrides: RedisOptions): Cluster {
  return new Cluster(target.nodes, { redisOptions: { ...redisOptions(target), ...overrides } });
}

/**
 * The one place an ioredis client is made, for every kind of target (the queues, health, tests,
 * benchmarks). A string is parsed like REDIS_URL. The caller owns the client and must close it.
 */
export function createRedisClient(target: RedisTarget | string, overrides: RedisOptions = {}): Redis | Cluster {
  const t = typeof target === 'string' ? parseRedisUrl(target) : target;
  return t.kind === 'cluster' ? clusterClient(t, overrides) : new Redis({ ...redisOptions(t), ...overrides });
}

export interface QueueConnection {
  connection: RedisOptions | Cluster | { connectionString: string; migrate: boolean };
  prefix: string;
}

/**
 * The BullMQ connection for the configured backend. Redis is the production backend (one
 * server, Sentinel or Cluster); BullMQ's PostgreSQL backend is the embedded fallback when no
 * Redis runs. For one server or Sentinel these are options, and each queue and worker opens its
 * own connections; for a cluster it is one Cluster client the process's queues share (workers
 * duplicate it for their blocking reads), which the caller must close. `failFast`: a command
 * while Redis is unreachable fails at once (no offline queue) rather than waiting for the
 * reconnection.
 */
export function queueConnection(config: AppConfig, { failFast = false }: { failFast?: boolean } = {}): QueueConnection {
  const target = config.redis;
  if (config.queueBackend === 'redis' && target) {
    const fast: RedisOptions = failFast ? { maxRetriesPerRequest: 1, enableOfflineQueue: false } : {};
    return { connection: target.kind === 'cluster' ? clusterClient(target, fast) : { ...redisOptions(target), ...fast }, prefix: config.queuePrefix };
  }
  return { connection: { connectionString: config.databaseUrl!, migrate: true }, prefix: config.queuePrefix };
}
