import 'reflect-metadata';
import { log, runBench } from '../intake/harness';
import { LoadResult } from '../intake/load';
import { waitForDrain } from '../intake/measure';
import { BenchWorld, Service } from '../intake/services';
import { insertProviders, seedPeople } from '../matching/seed';
import { integrity, Pending, stuckSample, waitSettled } from './checks';
import { scaleConfig, ScaleConfig } from './config';
import { CpuLedger, CpuUse } from './cpu';
import { Backlog, DeskAcceptor, fileThroughAll } from './load';
import { render, verdict } from './report';
import { ScaleStack } from './stack';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One configuration's run: its load, its CPU, when it settled after the kill, and what the database says. */
export interface ConfigRun {
  workers: number;
  load: LoadResult;
  acceptances: LoadResult;
  cpu: CpuUse;
  /** Seconds from the SIGKILL to everything settled; null when it did not settle in time. */
  settledAfterKill: number | null;
  pending: Pending;
  facts: Awaited<ReturnType<typeof integrity>>;
}

/**
 * bench/scale: a three-node Redis Cluster, two API processes and 1, 2, 4 worker processes in
 * turn. Each configuration files demand lists at full speed through both APIs while desk staff
 * accept every n-th routed ticket (matching proposes, providers are mailed); one worker is killed
 * with SIGKILL mid-load and started again. After the work settles the database is asked for lost
 * tickets and duplicate routings, proposals and emails. Progress to stderr, the table to stdout.
 */
async function run(config: ScaleConfig, world: BenchWorld, services: Service[], deadline: number, signal: AbortSignal) {
  const stops: (() => Promise<void>)[] = [];
  try {
    const stack = await ScaleStack.start(config, world, services, stops);
    process.on('exit', () => stack.cluster.killNow());
    const [http] = stack.clients;
    const people = await seedPeople(http, world, config.zones);
    await insertProviders(stack.db, config.providers, 10_000);
    log(`seeded ${config.zones} zones, ${people.staff.length} desk staff, ${config.providers} providers`);
    const ledger = new CpuLedger(stack.db);
    const pids = () => ({
      api: stack.apis.map((a) => a.pid!),
      worker: stack.workers.map((w) => w.pid!),
      redis: stack.cluster.servers.map((s) => s.pid),
    });
    const runs: ConfigRun[] = [];
    for (const workers of config.workers) {
      signal.throwIfAborted();
      const period = `w${workers}`;
      await stack.scaleTo(workers);
      // Not measured: fresh workers connect, compile and prove they consume.
      await fileThroughAll(stack.clients, people.filers, config.items, `warmup-${period}`, 1, 1, signal);
      const warm = await waitSettled(stack.db, 60_000, signal);
      if (warm.settledAt === null) throw new Error(`${period} warm-up did not settle: ${JSON.stringify(warm.pending)}`);
      log(`${period}: ${workers} worker(s), full speed for ${config.seconds} s, one worker killed at ${(config.seconds * config.killAt).toFixed(1)} s`);

      const acceptor = new DeskAcceptor(stack.db, stack.clients, people.staff, config.acceptEvery, signal);
      acceptor.start(period);
      const backlog = new Backlog(stack.db, config.backlogCap);
      await backlog.start();
      await ledger.begin(pids());
      const loading = fileThroughAll(stack.clients, people.filers, config.items, period, config.connectionsPerApi, config.seconds, signal, backlog.full);
      await sleep(config.seconds * config.killAt * 1000);
      await ledger.last(stack.workers[0].pid!);
      const { killed, replacement } = stack.killAndRestartOne();
      const killedAt = Date.now();
      log(`${period}: SIGKILL ${killed.name}, started ${replacement.name}`);
      const load = await loading;
      const loadEndedAt = Date.now();
      backlog.stop();
      const cpu = await ledger.end(pids());
      const budget = Math.max(5_000, Math.min(config.drainTimeoutSeconds * 1000, deadline - Date.now() - 30_000));
      // Tickets routed after the load are accepted too (every n-th of the whole configuration).
      await waitForDrain(stack.db, budget, signal);
      await acceptor.stop();
      const settled = await waitSettled(stack.db, Math.max(5_000, budget - (Date.now() - loadEndedAt)), signal);
      if (settled.settledAt === null) log(`${period}: still owed: ${await stuckSample(stack.db)}`);
      const facts = await integrity(stack.db, period, loadEndedAt);
      const settledAfterKill = settled.settledAt === null ? null : (settled.settledAt - killedAt) / 1000;
      log(`${period}: ${load.accepted} lists, ${facts.tickets} tickets, ${facts.proposed} proposed, ${facts.mails} mails; ` +
        (settledAfterKill === null ? `NOT settled: ${JSON.stringify(settled.pending)}` : `settled ${settledAfterKill.toFixed(1)} s after the kill`));
      runs.push({ workers, load, acceptances: acceptor.result, cpu, settledAfterKill, pending: settled.pending, facts });
      await stack.stopWorkers();
    }
    const everything = await integrity(stack.db, '%', Date.now());
    const mailResent = stack.sink.resent;
    return { table: render(config, world.runId, runs, everything, mailResent), failure: verdict(runs, everything) };
  } finally {
    // The processes first, while the cluster still answers their shutdown.
    await Promise.all(services.map((s) => s.stop(5000)));
    for (const stop of stops.reverse()) await stop().catch((e: Error) => log(`cleanup step failed: ${e.message}`));
  }
}

const config = scaleConfig();
runBench(config, config.deadlineSeconds, (world, services, deadline, signal) => run(config, world, services, deadline, signal));
