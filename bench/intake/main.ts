import 'reflect-metadata';
import { Pool } from 'pg';
import { benchConfig, BenchConfig } from './config';
import { HttpClient } from './http';
import { ListFiler } from './load';
import { routedStats, waitForDrain } from './measure';
import { rawBullmq, rawInserts } from './raw-baseline';
import { PhaseReport, render } from './report';
import { seed } from './seed';
import { API_SCRIPT, BenchWorld, cleanup, createDatabase, freePort, newWorld, Service, serviceEnv, waitReady, WORKER_SCRIPT } from './services';

const started = Date.now();
const log = (message: string) => process.stderr.write(`[bench +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);

/**
 * bench/intake: files demand lists over HTTP against the API and the worker running as
 * two processes, at a steady rate and at full speed, and compares the routed throughput
 * with the raw limit (direct inserts, bare BullMQ) measured in the same run.
 * Progress goes to stderr, the table to stdout.
 */
async function run(config: BenchConfig, world: BenchWorld, services: Service[], deadline: number, signal: AbortSignal): Promise<string> {
  log(`database ${world.databaseName}, queue prefix ${world.queuePrefix}`);
  await createDatabase(config, world);

  const port = await freePort();
  const env = serviceEnv(config, world, port);
  const api = Service.start('api', API_SCRIPT, env);
  const worker = Service.start('worker', WORKER_SCRIPT, env);
  services.push(api, worker);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitReady(baseUrl, api, 30_000);

  const http = new HttpClient(baseUrl, Math.max(64, config.connections));
  const db = new Pool({ connectionString: world.databaseUrl, max: 2, application_name: 'bench-measure' });
  db.on('error', () => undefined); // an idle client cut off by DROP DATABASE during cleanup after a failure
  try {
    const seeded = await seed(http, world, config.zones);
    log(`seeded ${config.zones} zones with a zone manager each and ${seeded.deskStaff} desk staff`);
    const filer = new ListFiler(http, seeded.filers, config.items, signal);
    const drainBudget = () => Math.max(1000, Math.min(config.drainTimeoutSeconds * 1000, deadline - Date.now() - 40_000));

    // Warm-up (not reported): JIT, pools, and proof that the worker consumes.
    await filer.steady('warmup', config.rate, 3);
    const warm = await waitForDrain(db, 30_000, signal);
    if (!warm.drained) throw new Error(`warm-up: ${warm.pending} ticket(s) never routed; is the worker running?`);
    log('warm-up done');

    const phase = async (period: string, label: string, drive: () => ReturnType<ListFiler['steady']>): Promise<PhaseReport> => {
      signal.throwIfAborted();
      log(`${label}: ${config.seconds} s`);
      const load = await drive();
      const drain = await waitForDrain(db, drainBudget(), signal);
      const stats = await routedStats(db, period);
      log(`${label}: ${load.accepted} lists accepted, ${stats.routed}/${stats.tickets} tickets routed${drain.drained ? '' : ' (drain timed out)'}`);
      return { label, load, drain, stats };
    };
    const steady = await phase('steady', `steady ${config.rate} tickets/s`, () => filer.steady('steady', config.rate, config.seconds));
    const full = await phase('full', `full speed, ${config.connections} conns`, () => filer.fullSpeed('full', config.connections, config.seconds));

    // The raw limit runs with the machine to itself, and without a relay publishing its rows.
    signal.throwIfAborted();
    log('stopping the API and the worker');
    await Promise.all([api.stop(), worker.stop()]);
    log(`raw limit (a): direct inserts, ${config.rawSeconds} s`);
    const rawInsert = await rawInserts(world.databaseUrl, seeded.filers, config.items, config.rawSeconds, config.rawConnections, signal);
    signal.throwIfAborted();
    const jobs = Math.max(5000, full.load.accepted * config.items);
    log(`raw limit (b): ${jobs} jobs through bare BullMQ`);
    const rawQueue = await rawBullmq(config.redisUrl, world.queuePrefix, jobs, Math.max(5000, deadline - Date.now() - 15_000), signal);

    return render({ config, runId: world.runId, deskStaff: seeded.deskStaff, steady, full, rawInsert, rawQueue });
  } finally {
    http.close();
    await db.end();
  }
}

async function main(): Promise<number> {
  const config = benchConfig();
  const world = newWorld();
  const services: Service[] = [];
  const deadline = Date.now() + config.deadlineSeconds * 1000;
  process.on('exit', () => services.forEach((s) => s.killNow()));

  // Past the deadline or on Ctrl-C: stop generating work, let the run wind down, then clean up.
  const abort = new AbortController();
  let stopRun!: (error: Error) => void;
  const stopped = new Promise<never>((_, reject) => (stopRun = reject));
  const halt = (reason: string) => {
    const error = new Error(reason);
    abort.abort(error);
    stopRun(error);
  };
  const timer = setTimeout(() => halt(`the run exceeded its deadline of ${config.deadlineSeconds} s`), config.deadlineSeconds * 1000);
  process.once('SIGINT', () => halt('interrupted'));
  process.once('SIGTERM', () => halt('terminated'));

  let code = 0;
  const running = run(config, world, services, deadline, abort.signal);
  try {
    const output = await Promise.race([running, stopped]);
    process.stdout.write(`${output}\n`);
  } catch (error) {
    log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    code = 1;
  } finally {
    clearTimeout(timer);
    // Work abandoned mid-step may still hold connections that the cleanup cuts off.
    process.on('uncaughtException', (error) => log(`after the run: ${error.message}`));
    await Promise.race([running.catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
    await Promise.all(services.map((s) => s.stop(3000)));
    if (await cleanup(config, world)) log('cleaned up (database dropped, queue keys deleted)');
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    log(`FAILED: ${error.message}`);
    process.exit(1);
  },
);
