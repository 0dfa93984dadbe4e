import 'reflect-metadata';
import { coresBetween, CpuMeter } from '../matching/cpu';
import { benchConfig, BenchConfig } from './config';
import { closeStack, log, runBench, startStack } from './harness';
import { ListFiler } from './load';
import { notYetMailedSql, routedStats, waitForDrain } from './measure';
import { rawBullmq, rawInserts } from './raw-baseline';
import { PhaseReport, render } from './report';
import { seed } from './seed';
import { BenchWorld, Service } from './services';
import { largestAcceptedWorkbook, UploadResult, uploadUntil } from './workbooks';

/** Zone managers uploading the largest accepted workbook at once in the workbook phase (each waits its turn: the API loads one at a time). */
const UPLOADERS = 4;

/**
 * bench/intake: files demand lists over HTTP against the API and the worker running as
 * two processes, at a steady rate and at full speed, and compares the routed throughput
 * with the raw limit (direct inserts, bare BullMQ) measured in the same run.
 * Progress goes to stderr, the table to stdout.
 */
async function run(config: BenchConfig, world: BenchWorld, services: Service[], deadline: number, signal: AbortSignal): Promise<string> {
  const stack = await startStack(config, world, services, Math.max(64, config.connections));
  const { api, worker, http, db, baseUrl } = stack;
  const meter = new CpuMeter(db, config.redisUrl, { api: () => api.pid, worker: () => worker.pid });
  try {
    const seeded = await seed(http, world, config.zones);
    log(`seeded ${config.zones} zones with a zone manager each and ${seeded.deskStaff} desk staff`);
    const filer = new ListFiler(http, seeded.filers, config.items, signal);
    const drainBudget = () => Math.max(1000, Math.min(config.drainTimeoutSeconds * 1000, deadline - Date.now() - 40_000));

    // Warm-up (not reported): JIT, pools, and proof that the worker consumes.
    let filed = (await filer.steady('warmup', config.rate, 3)).accepted * config.items;
    const warm = await waitForDrain(db, 30_000, signal);
    if (!warm.drained) throw new Error(`warm-up: ${warm.pending} ticket(s) never routed; is the worker running?`);
    // Each phase's window then holds its own emails only.
    if (config.untilMailed) await waitForDrain(db, 60_000, signal, notYetMailedSql(filed));
    log('warm-up done');
    // Resting footprint: booted, every code path of intake and routing taken once, no load.
    await new Promise((r) => setTimeout(r, 2000));
    const idleRssMb = { api: await api.rssMb(), worker: await worker.rssMb() };
    // The seeding's peak is the sign-ins' (argon2 takes 64 MiB per hash, up to one per libuv thread):
    // reported apart, and the peak starts over so that it measures the intake load alone.
    const seedingPeakRssMb = { api: await api.peakRssMb(), worker: await worker.peakRssMb() };
    await Promise.all([api.resetPeakRss(), worker.resetPeakRss()]);

    const phase = async (period: string, label: string, drive: () => ReturnType<ListFiler['steady']>): Promise<PhaseReport> => {
      signal.throwIfAborted();
      log(`${label}: ${config.seconds} s`);
      const before = await meter.sample();
      const load = await drive();
      const drain = await waitForDrain(db, drainBudget(), signal);
      filed += load.accepted * config.items;
      if (config.untilMailed) await waitForDrain(db, drainBudget(), signal, notYetMailedSql(filed));
      const cpu = coresBetween(before, await meter.sample());
      const stats = await routedStats(db, period);
      log(`${label}: ${load.accepted} lists accepted, ${stats.routed}/${stats.tickets} tickets routed${drain.drained ? '' : ' (drain timed out)'}`);
      return { label, load, drain, stats, cpu };
    };
    const steady = await phase('steady', `steady ${config.rate} tickets/s`, () => filer.steady('steady', config.rate, config.seconds));
    const full = await phase('full', `full speed, ${config.connections} conns`, () => filer.fullSpeed('full', config.connections, config.seconds));
    const peakRssMb = { api: await api.peakRssMb(), worker: await worker.peakRssMb() };

    // The API's heap is capped as deployed: the heaviest thing it holds is an uploaded workbook.
    const workbook = await largestAcceptedWorkbook();
    await api.resetPeakRss();
    let uploads!: UploadResult;
    const workbooks = await phase('workbooks', `steady ${config.rate} tickets/s + ${UPLOADERS} workbook uploaders`, async () => {
      const load = filer.steady('workbooks', config.rate, config.seconds);
      uploads = await uploadUntil(baseUrl, seeded.filers, UPLOADERS, workbook.file, load);
      return load;
    });
    const workbookPhase = { phase: workbooks, uploads, uploaders: UPLOADERS, unpackedBytes: workbook.unpackedBytes, peakRssMb: await api.peakRssMb() };

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

    return render({ config, runId: world.runId, deskStaff: seeded.deskStaff, steady, full, rawInsert, rawQueue, idleRssMb, seedingPeakRssMb, peakRssMb, workbookPhase });
  } finally {
    meter.close();
    await closeStack(stack);
  }
}

const config = benchConfig();
runBench(config, config.deadlineSeconds, (world, services, deadline, signal) => run(config, world, services, deadline, signal));
