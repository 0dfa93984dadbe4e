import { randomBytes } from 'node:crypto';
import { Cluster, Redis } from 'ioredis';
import { Client } from 'pg';
import { createRedisClient } from '@enterpark/events';

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

/** Deletes every key under a prefix (the run's or one test file's), on one server or every master of a cluster. */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<number> {
  const client = createRedisClient(redisUrl, { maxRetriesPerRequest: 1 });
  const match = `${prefix.replace(/[[\]*?]/g, (c) => `\\${c}`)}*`;
  let deleted = 0;
  try {
    const servers = client instanceof Cluster ? await mastersOf(client) : [client];
    for (const redis of servers) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
        cursor = next;
        // One DEL per key (pipelined): in a cluster, keys of different slots may not share a command.
        const results = keys.length ? await redis.pipeline(keys.map((key) => ['del', key])).exec() : [];
        for (const [error, n] of results ?? []) if (!error) deleted += Number(n);
      } while (cursor !== '0');
    }
  } finally {
    client.disconnect();
  }
  return deleted;
}

async function mastersOf(cluster: Cluster): Promise<Redis[]> {
  if (cluster.status !== 'ready') await new Promise((resolve, reject) => cluster.once('ready', resolve).once('error', reject));
  return cluster.nodes('master');
}
