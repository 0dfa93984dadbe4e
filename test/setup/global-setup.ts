import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '@enterpark/database';
import { createRedisClient } from '@enterpark/events';
import { databaseUrl, ensureConsoleBuilt, saveTestRun, uniqueSuffix, withAdmin } from '@enterpark/testing';
import { startEmbeddedPostgres } from '../../apps/standalone/src/embedded-postgres';
import { redisServerOnPath, startEmbeddedRedis } from '../../apps/standalone/src/embedded-redis';

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_REDIS = 'redis://127.0.0.1:6379';

async function reachablePg(url: string): Promise<boolean> {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function reachableRedis(url: string): Promise<boolean> {
  const r = createRedisClient(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2000 });
  try {
    await r.connect();
    await r.ping();
    return true;
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

/**
 * Real PostgreSQL and Redis for the run: the ones named by TEST_DATABASE_URL /
 * DATABASE_URL and REDIS_URL (or the standard local ports), else embedded ones.
 * Migrations run once into a template database that every test file clones, and the
 * console is built when its sources changed since the last build.
 */
export default async function globalSetup(): Promise<void> {
  // The API of every TestContext serves dist/console; browser tests need it current.
  ensureConsoleBuilt(join(__dirname, '..', '..'));
  const runId = uniqueSuffix();
  const stops: (() => Promise<void>)[] = [];
  let adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_PG;
  if (!(await reachablePg(adminUrl))) {
    const pg = await startEmbeddedPostgres(join(tmpdir(), `enterpark-test-${runId}`), 'test', console.warn);
    stops.push(pg.stop);
    adminUrl = databaseUrl(pg.url, 'postgres');
    console.warn(`\n[tests] no PostgreSQL reachable; using embedded PostgreSQL`);
  }
  let redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? DEFAULT_REDIS;
  if (!(await reachableRedis(redisUrl))) {
    const binary = redisServerOnPath();
    if (!binary) throw new Error('Tests need Redis: set REDIS_URL or install redis-server');
    const redis = await startEmbeddedRedis(binary, join(tmpdir(), `enterpark-test-${runId}`));
    stops.push(redis.stop);
    redisUrl = redis.url;
    console.warn(`[tests] no Redis reachable; using embedded redis-server`);
  }
  const templateDatabase = `ep_tpl_${runId}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${templateDatabase}"`));
  await runMigrations(databaseUrl(adminUrl, templateDatabase));
  saveTestRun({ runId, adminUrl, redisUrl, templateDatabase });
  (globalThis as { __enterparkStops?: typeof stops }).__enterparkStops = stops;
}
