import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { RedisServers, startRedisCluster } from '../../libs/testing/src/redis-servers';
import { SmtpSink } from '../digest/smtp-sink';
import { log } from '../intake/harness';
import { HttpClient } from '../intake/http';
import { API_SCRIPT, BenchWorld, createDatabase, freePort, Service, serviceEnv, waitReady, WORKER_SCRIPT } from '../intake/services';
import { ScaleConfig } from './config';

/**
 * Settings that let a killed worker's work come back within a run: stored mail held by the
 * dead sender is re-sent after 45 s (SMTP timeouts are a sixth of it), the reconciler looks
 * every 10 s for work stuck 20 s.
 * A killed worker's queue jobs come back when their BullMQ lock (30 s) runs out. Every routed
 * ticket mails its assignee, so each worker sends 40 messages at once (default 10).
 */
const WORKER_ENV = { MAIL_SEND_LEASE_MS: '45000', RECONCILE_INTERVAL_MS: '10000', RECONCILE_STUCK_AFTER_MS: '20000', MAIL_SEND_CONCURRENCY: '40' };

/** A Redis Cluster, the run's database, the API processes and a changing set of worker processes. */
export class ScaleStack {
  readonly workers: Service[] = [];
  private workerCount = 0;

  private constructor(
    readonly cluster: RedisServers,
    readonly apis: Service[],
    readonly clients: HttpClient[],
    readonly db: Pool,
    readonly sink: SmtpSink,
    private readonly env: Record<string, string>,
    private readonly services: Service[],
  ) {}

  static async start(config: ScaleConfig, world: BenchWorld, services: Service[], stops: (() => Promise<void>)[]): Promise<ScaleStack> {
    const cluster = await startRedisCluster(3);
    stops.push(cluster.stop);
    log(`Redis Cluster up: ${cluster.url} (pids ${cluster.servers.map((s) => s.pid).join(', ')})`);
    log(`database ${world.databaseName}, queue prefix ${world.queuePrefix}`);
    await createDatabase(config, world);
    const sink = await SmtpSink.start();
    stops.push(() => sink.close());
    const dataDir = await mkdtemp(join(tmpdir(), 'enterpark-bench-scale-'));
    stops.push(() => rm(dataDir, { recursive: true, force: true }));
    const env = {
      ...serviceEnv(config, world, 0),
      ...WORKER_ENV,
      REDIS_URL: cluster.url,
      SMTP_URL: sink.url,
      DATA_DIR: dataDir,
      DATABASE_POOL_SIZE: String(config.poolSize),
    };
    const apis: Service[] = [];
    const clients: HttpClient[] = [];
    for (let i = 0; i < config.apis; i++) {
      const port = await freePort();
      // Only the first API migrates and bootstraps; the others start on what it made.
      const api = Service.start(`api${i + 1}`, API_SCRIPT, { ...env, PORT: String(port) });
      services.push(api);
      await waitReady(`http://127.0.0.1:${port}`, api, 60_000);
      apis.push(api);
      clients.push(new HttpClient(`http://127.0.0.1:${port}`, config.connectionsPerApi + 8));
    }
    const db = new Pool({ connectionString: world.databaseUrl, max: 2, application_name: 'bench-measure' });
    db.on('error', () => undefined); // an idle client cut off by DROP DATABASE during cleanup after a failure
    stops.push(() => db.end());
    stops.push(async () => clients.forEach((c) => c.close()));
    return new ScaleStack(cluster, apis, clients, db, sink, env, services);
  }

  /** Starts worker processes until `count` run. */
  async scaleTo(count: number): Promise<void> {
    while (this.workers.length < count) this.workers.push(this.startWorker());
  }

  /** SIGKILL for the first worker, as a crash would; answers the replacement, started at once. */
  killAndRestartOne(): { killed: Service; replacement: Service } {
    const killed = this.workers.shift()!;
    killed.killNow();
    const replacement = this.startWorker();
    this.workers.push(replacement);
    return { killed, replacement };
  }

  /** Graceful stop (SIGTERM) of every worker. */
  async stopWorkers(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.stop()));
  }

  private startWorker(): Service {
    const worker = Service.start(`worker${++this.workerCount}`, WORKER_SCRIPT, this.env);
    this.services.push(worker);
    return worker;
  }
}
