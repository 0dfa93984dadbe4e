import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import { Pool } from 'pg';
import { DEMO_ZONE_MANAGERS } from '../../../apps/api/src/bootstrap/demo-catalogue';
import { ApiClient } from './http';
import { PostgresServer } from './postgres-server';
import { ChildService, freePort, waitFor } from './processes';
import { RedisServer } from './redis-server';

const DIST = resolve(__dirname, '..', '..', '..', 'dist');
const API_SCRIPT = join(DIST, 'apps', 'api', 'src', 'main.js');
const WORKER_SCRIPT = join(DIST, 'apps', 'worker', 'src', 'main.js');

export const ADMIN_EMAIL = 'admin@enterpark.local';
export const ADMIN_PASSWORD = 'Faults-Admin-Passw0rd';
export const DEMO_PASSWORD = 'Faults-Demo-Passw0rd';
/** The demo zones' managers (合肥, 芜湖, 太和经开区), who file demand lists. */
export const ZONE_MANAGERS = DEMO_ZONE_MANAGERS.map((m) => m.email);
/** BullMQ's key prefix: the default, as the stack has its Redis to itself. */
export const QUEUE_PREFIX = '{enterpark}';

/**
 * A deployment of the test's own: PostgreSQL and redis-server on free ports with their data
 * in a temporary folder, the API (`node dist/apps/api/src/main.js`, which migrates and loads
 * the demo data) and one worker (`dist/apps/worker/src/main.js`) as separate processes, as in
 * production. `env` adds or overrides settings of both (libs/config names). Needs `npm run
 * build` first (`npm run test:faults` does it).
 */
export class FaultStack {
  worker: ChildService | null = null;
  readonly http: ApiClient;
  /** The test's own connections, for assertions; they survive a PostgreSQL restart. */
  readonly db: Pool;
  private readonly queues = new Map<string, Queue>();

  private constructor(
    readonly root: string,
    readonly pg: PostgresServer,
    readonly redis: RedisServer,
    readonly api: ChildService,
    private readonly env: Record<string, string>,
  ) {
    this.http = new ApiClient(`http://127.0.0.1:${env.PORT}`);
    this.db = new Pool({ connectionString: pg.url(), max: 3 });
    this.db.on('error', () => undefined); // idle clients cut off by a PostgreSQL stop
  }

  static async start(name: string, env: Record<string, string> = {}): Promise<FaultStack> {
    if (!existsSync(API_SCRIPT) || !existsSync(WORKER_SCRIPT)) throw new Error(`${API_SCRIPT} is missing: run \`npm run build\` (npm run test:faults does)`);
    const root = mkdtempSync(join(tmpdir(), `enterpark-faults-${name}-`));
    const pg = await PostgresServer.create(root);
    const redis = await RedisServer.create(root);
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    const fullEnv: Record<string, string> = {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      DATABASE_URL: pg.url(),
      REDIS_URL: redis.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      DEMO_DATA: 'true',
      DEMO_PASSWORD,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      LOG_PRETTY: 'false',
      ...env,
    };
    const api = ChildService.node('api', API_SCRIPT, fullEnv, join(root, 'api.log'));
    const stack = new FaultStack(root, pg, redis, api, fullEnv);
    try {
      await stack.waitApiReady(60_000);
      await stack.startWorker();
    } catch (error) {
      await stack.close();
      throw error;
    }
    return stack;
  }

  /** Starts a worker process (the API migrated already); resolves once its processors listen. */
  async startWorker(): Promise<ChildService> {
    if (this.worker?.running) throw new Error('a worker is already running');
    this.worker = ChildService.node('worker', WORKER_SCRIPT, { ...this.env, MIGRATIONS_RUN: 'false' }, join(this.root, 'worker.log'));
    const worker = this.worker;
    await waitFor(async () => {
      if (!worker.running) throw new Error(`the worker exited (${worker.status}):\n${worker.tail()}`);
      return (await this.queue('routing').getWorkersCount().catch(() => 0)) > 0;
    }, 60_000, 'the worker to consume');
    return worker;
  }

  async waitApiReady(timeoutMs: number): Promise<void> {
    await waitFor(async () => {
      if (!this.api.running) throw new Error(`the API exited (${this.api.status}):\n${this.api.tail()}`);
      return (await this.http.call('GET', '/health/ready', { timeoutMs: 3_000 })).status === 200;
    }, timeoutMs, 'GET /health/ready to answer 200');
  }

  /** A BullMQ handle on one of the app's queues, for looking at jobs and schedulers. */
  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: { host: '127.0.0.1', port: this.redis.port, maxRetriesPerRequest: null, retryStrategy: () => 200 }, prefix: QUEUE_PREFIX });
      queue.on('error', () => undefined); // the test stops this Redis on purpose
      this.queues.set(name, queue);
    }
    return queue;
  }

  async sql<T = any>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query(text, params)).rows as T[];
  }

  login(email: string, password = DEMO_PASSWORD): Promise<string> {
    return this.http.login(email, password);
  }

  /** The last lines of every process's log, for a failure message. */
  logs(): string {
    return [this.api, this.worker].filter((s): s is ChildService => s !== null).map((s) => s.tail(40)).join('\n');
  }

  /** Stops everything it started and removes its folder (kept with FAULTS_KEEP=1, to look at the logs). */
  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.disconnect().catch(() => undefined)));
    await Promise.all([this.api.stop('SIGTERM', 5_000), this.worker?.stop('SIGTERM', 5_000)]);
    await this.db.end().catch(() => undefined);
    await Promise.all([this.pg.stop(), this.redis.stop()]);
    if (process.env.FAULTS_KEEP === '1') process.stdout.write(`\nkept ${this.root}\n`);
    else rmSync(this.root, { recursive: true, force: true });
  }
}
