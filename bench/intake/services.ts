import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { runMigrations } from '@enterpark/database';
import { databaseUrl, deleteRedisKeys, dropDatabase, withAdmin } from '../../libs/testing/src/test-infrastructure';
import { Infra } from './config';

/** The run's own database and queue prefix; `cleanup` removes both. */
export interface BenchWorld {
  runId: string;
  databaseName: string;
  databaseUrl: string;
  queuePrefix: string;
  adminEmail: string;
  adminPassword: string;
  jwtSecret: string;
}

export function newWorld(): BenchWorld {
  const runId = randomBytes(4).toString('hex');
  return {
    runId,
    databaseName: `bench_${runId}`,
    databaseUrl: '',
    queuePrefix: `{bench-${runId}}`,
    adminEmail: 'admin@enterpark.local',
    adminPassword: `Bench-${randomBytes(9).toString('base64url')}`,
    jwtSecret: randomBytes(32).toString('hex'),
  };
}

export async function createDatabase(config: Infra, world: BenchWorld): Promise<void> {
  await withAdmin(config.adminUrl, (c) => c.query(`CREATE DATABASE "${world.databaseName}"`));
  world.databaseUrl = databaseUrl(config.adminUrl, world.databaseName);
  await runMigrations(world.databaseUrl);
  // Set after the migrations, so that the log holds only what the services run (sessions opened from now on).
  if (config.logStatements) await withAdmin(config.adminUrl, (c) => c.query(`ALTER DATABASE "${world.databaseName}" SET log_statement = 'all'`));
}

/** Drops the database and deletes every key under the queue prefix; each step runs even if the other fails. */
export async function cleanup(config: Infra, world: BenchWorld): Promise<boolean> {
  // BENCH_KEEP_DATABASE=1 leaves the run's database for a look at its plans (EXPLAIN) afterwards.
  const keep = process.env.BENCH_KEEP_DATABASE === '1';
  if (keep) process.stderr.write(`[bench] cleanup: database ${world.databaseName} kept (BENCH_KEEP_DATABASE=1); drop it when done\n`);
  const steps: [string, () => Promise<unknown>][] = [
    ...(keep ? [] : [[`drop database ${world.databaseName}`, () => dropDatabase(config.adminUrl, world.databaseName)] as [string, () => Promise<unknown>]]),
    [`delete keys ${world.queuePrefix}*`, () => deleteRedisKeys(config.redisUrl, world.queuePrefix)],
  ];
  let ok = true;
  for (const [what, step] of steps) {
    await step().catch((e: Error) => {
      ok = false;
      process.stderr.write(`[bench] cleanup: ${what} failed: ${e.message}\n`);
    });
  }
  return ok;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A child process (API or worker) with its output forwarded to stderr, prefixed. */
export class Service {
  private exited: Promise<number | null>;
  private exitCode: number | null | undefined = undefined;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve((this.exitCode = code))));
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        for (const line of chunk.split('\n')) if (line.trim()) process.stderr.write(`[${name}] ${line}\n`);
      });
    }
  }

  static start(name: string, script: string, env: Record<string, string>): Service {
    // BENCH_CPU_PROF=<dir>: each service writes a V8 CPU profile there when it stops (open in Chrome DevTools or speedscope).
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
    // As deployed (the npm script that starts it), then e.g. heap limits to try; as in production,
    // no source maps (~40 MB each) unless asked here with --enable-source-maps.
    const flags = [...deployedNodeFlags(script), ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean)];
    const child = spawn(process.execPath, [...profile, ...flags, script], {
      // MALLOC_ARENA_MAX: glibc's malloc arenas, another memory lever to try (as BENCH_NODE_FLAGS).
      env: { PATH: process.env.PATH ?? '', ...(process.env.MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX } : {}), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new Service(name, child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The process's peak resident set so far, in MB (VmHWM in /proc/<pid>/status); NaN once it has exited. */
  peakRssMb(): Promise<number> {
    return this.statusMb('VmHWM');
  }

  /** The process's resident set now, in MB (VmRSS); NaN once it has exited. */
  rssMb(): Promise<number> {
    return this.statusMb('VmRSS');
  }

  /** Starts the peak (VmHWM) over from the current resident set (clear_refs 5, Linux ≥ 4.0). */
  async resetPeakRss(): Promise<void> {
    if (this.child.pid) await writeFile(`/proc/${this.child.pid}/clear_refs`, '5');
  }

  private async statusMb(field: 'VmHWM' | 'VmRSS'): Promise<number> {
    const status = this.child.pid ? await readFile(`/proc/${this.child.pid}/status`, 'utf8').catch(() => '') : '';
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** SIGTERM (graceful shutdown), then SIGKILL after `graceMs`; only this child's pid is signalled. */
  async stop(graceMs = 8000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Last resort from a synchronous `exit` handler. */
  killNow(): void {
    if (this.running) this.child.kill('SIGKILL');
  }
}

export function serviceEnv(config: Infra, world: BenchWorld, port: number): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: world.databaseUrl,
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: world.queuePrefix,
    JWT_SECRET: world.jwtSecret,
    BOOTSTRAP_ADMIN_EMAIL: world.adminEmail,
    BOOTSTRAP_ADMIN_PASSWORD: world.adminPassword,
    DEMO_DATA: 'false',
    MIGRATIONS_RUN: 'false',
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
    // Every bench user signs in from 127.0.0.1, dozens at once: the per-address brake on password
    // guessing counts each attempt until its hash is checked, so it would refuse the seeding.
    SIGN_IN_MAX_FAILURES_PER_ADDRESS: '100000',
  };
}

const DIST = join(__dirname, '..', '..');
export const API_SCRIPT = join(DIST, 'apps', 'api', 'src', 'main.js');
export const WORKER_SCRIPT = join(DIST, 'apps', 'worker', 'src', 'main.js');

/**
 * The Node flags package.json's start script for this file passes (`start:api` and `start:worker`
 * cap the heap), so a bench measures the process as deployed. A later flag given in
 * BENCH_NODE_FLAGS wins (e.g. --max-old-space-size=4096 to measure without the cap).
 */
export function deployedNodeFlags(script: string): string[] {
  const relative = script.slice(join(DIST, '..').length + 1);
  const scripts: Record<string, string> = JSON.parse(readFileSync(join(DIST, '..', 'package.json'), 'utf8')).scripts;
  const command = Object.values(scripts).find((c) => c.startsWith('node ') && c.endsWith(` ${relative}`));
  return command ? command.split(' ').filter((word) => word.startsWith('--')) : [];
}

/** Polls GET /health/ready until it answers 200. */
export async function waitReady(baseUrl: string, api: Service, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!api.running) throw new Error('the API exited during startup (see its output above)');
    const ok = await fetch(`${baseUrl}/health/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the API was not ready after ${timeoutMs} ms`);
}
