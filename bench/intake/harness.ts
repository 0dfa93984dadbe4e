import { Pool } from 'pg';
import { Infra } from './config';
import { HttpClient } from './http';
import { API_SCRIPT, BenchWorld, cleanup, createDatabase, freePort, newWorld, Service, serviceEnv, waitReady, WORKER_SCRIPT } from './services';

const started = Date.now();

/** Progress goes to stderr (the table alone goes to stdout), stamped with the time since start. */
export const log = (message: string) => process.stderr.write(`[bench +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);

/** The API and the worker as two processes on the run's fresh database, a client for each side. */
export interface Stack {
  api: Service;
  worker: Service;
  http: HttpClient;
  baseUrl: string;
  /** A small pool for the measuring queries. */
  db: Pool;
}

export async function startStack(config: Infra, world: BenchWorld, services: Service[], maxSockets: number, readyTimeoutMs = 90_000): Promise<Stack> {
  log(`database ${world.databaseName}, queue prefix ${world.queuePrefix}`);
  await createDatabase(config, world);
  const port = await freePort();
  const env = serviceEnv(config, world, port);
  const api = Service.start('api', API_SCRIPT, env);
  const worker = Service.start('worker', WORKER_SCRIPT, env);
  services.push(api, worker);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitReady(baseUrl, api, readyTimeoutMs);
  const db = new Pool({ connectionString: world.databaseUrl, max: 2, application_name: 'bench-measure' });
  db.on('error', () => undefined); // an idle client cut off by DROP DATABASE during cleanup after a failure
  return { api, worker, http: new HttpClient(baseUrl, maxSockets), baseUrl, db };
}

export async function closeStack(stack: Stack): Promise<void> {
  stack.http.close();
  await stack.db.end();
}

/** The printed table; with `failure`, what the run found wrong (the table is printed and the exit code is 1). */
export type BenchOutput = string | { table: string; failure: string | null };
export type BenchRun = (world: BenchWorld, services: Service[], deadline: number, signal: AbortSignal) => Promise<BenchOutput>;

/**
 * Runs a benchmark in its own database and queue prefix, prints its table, and always
 * cleans up. Past the deadline or on Ctrl-C: stop generating work, let the run wind down,
 * then clean up. Exits the process with 0 when the table was printed (and no failure reported), 1 otherwise.
 */
export function runBench(config: Infra, deadlineSeconds: number, run: BenchRun): void {
  main(config, deadlineSeconds, run).then(
    (code) => process.exit(code),
    (error: Error) => {
      log(`FAILED: ${error.message}`);
      process.exit(1);
    },
  );
}

async function main(config: Infra, deadlineSeconds: number, run: BenchRun): Promise<number> {
  const world = newWorld();
  const services: Service[] = [];
  const deadline = Date.now() + deadlineSeconds * 1000;
  process.on('exit', () => services.forEach((s) => s.killNow()));

  const abort = new AbortController();
  let stopRun!: (error: Error) => void;
  const stopped = new Promise<never>((_, reject) => (stopRun = reject));
  const halt = (reason: string) => {
    const error = new Error(reason);
    abort.abort(error);
    stopRun(error);
  };
  const timer = setTimeout(() => halt(`the run exceeded its deadline of ${deadlineSeconds} s`), deadlineSeconds * 1000);
  process.once('SIGINT', () => halt('interrupted'));
  process.once('SIGTERM', () => halt('terminated'));

  let code = 0;
  const running = run(world, services, deadline, abort.signal);
  try {
    const output = await Promise.race([running, stopped]);
    const { table, failure } = typeof output === 'string' ? { table: output, failure: null } : output;
    process.stdout.write(`${table}\n`);
    if (failure) {
      log(`FAILED: ${failure}`);
      code = 1;
    }
  } catch (error) {
    log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    code = 1;
  } finally {
    clearTimeout(timer);
    // Work abandoned mid-step may still hold connections that the cleanup cuts off.
    process.on('uncaughtException', (error) => log(`after the run: ${error.message}`));
    await Promise.race([running.catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
    await Promise.all(services.map((s) => s.stop(3000)));
    if (await cleanup(config, world)) log(process.env.BENCH_KEEP_DATABASE === '1' ? 'cleaned up (queue keys deleted, database kept)' : 'cleaned up (database dropped, queue keys deleted)');
  }
  return code;
}
