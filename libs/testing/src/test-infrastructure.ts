import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';

/** Where the whole test run's servers are; set by the global setup, read by every test file. */
export interface TestRun {
  runId: string;
  adminUrl: string;
  redisUrl: string;
  templateDatabase: string;
}

const ENV_KEY = 'ENTERPARK_TEST_RUN';

export function saveTestRun(run: TestRun): void {
  process.env[ENV_KEY] = JSON.stringify(run);
}

export function currentTestRun(): TestRun {
  const raw = process.env[ENV_KEY];
  if (!raw) throw new Error('No test run: jest must use test/setup/global-setup.ts');
  return JSON.parse(raw) as TestRun;
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabaseFromTemplate(run: TestRun, name: string): Promise<string> {
  await withAdmin(run.adminUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${run.templateDatabase}"`));
  return databaseUrl(run.adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Deletes every key under a prefix (the run's or one test file's). */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    const match = `${prefix.replace(/[[\]*?]/g, (c) => `\\${c}`)}*`;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
