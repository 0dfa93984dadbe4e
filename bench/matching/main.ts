import 'reflect-metadata';
import { closeStack, log, runBench, startStack } from '../intake/harness';
import { waitForDrain } from '../intake/measure';
import { BenchWorld, Service } from '../intake/services';
import { bareHop, rawProposals } from './baseline';
import { coresBetween, CpuMeter } from './cpu';
import { matchingConfig, MatchingConfig } from './config';
import { Acceptor } from './load';
import { AWAITING_PROPOSAL, proposalStats, providerLoad } from './measure';
import { PhaseReport, render } from './report';
import { insertProviders, insertTickets, RoutedTicket, seedPeople } from './seed';

/** Tickets the raw loop may propose per second of its run: more than it can reach, so it runs out of time, not tickets. */
const RAW_TICKETS_PER_SECOND = 3000;

/**
 * bench/matching: desk staff accept routed tickets over HTTP (API and worker as two
 * processes) at a steady rate and at full speed; the worker's matching processor proposes
 * a provider for each. Reports accepted → proposed percentiles and proposals/s against the
 * raw proposal transaction and the bare queue hop measured in the same run.
 * Progress goes to stderr, the table to stdout.
 */
async function run(config: MatchingConfig, world: BenchWorld, services: Service[], deadline: number, signal: AbortSignal): Promise<string> {
  const stack = await startStack(config, world, services, Math.max(config.maxInFlight, config.connections));
  const { api, worker, http, db } = stack;
  const meter = new CpuMeter(db, config.redisUrl, { api: () => api.pid, worker: () => worker.pid });
  try {
    const people = await seedPeople(http, world, config.zones);
    await insertProviders(db, config.providers, config.capacity);
    const tickets = {
      warmup: await insertTickets(db, people, 'warmup', config.rate * config.warmupSeconds, 'routed'),
      steady: await insertTickets(db, people, 'steady', config.rate * config.seconds, 'routed'),
      full: await insertTickets(db, people, 'full', config.fullTickets, 'routed'),
    };
    log(`seeded ${config.zones} zones, ${people.staff.length} desk staff, ${config.providers} providers; ` +
      `${tickets.warmup.length + tickets.steady.length + tickets.full.length} routed tickets inserted`);
    const acceptor = new Acceptor(http, people.staff, signal);
    const drain = (timeoutMs: number) => waitForDrain(db, timeoutMs, signal, AWAITING_PROPOSAL);
    const drainBudget = () => Math.max(1000, Math.min(config.drainTimeoutSeconds * 1000, deadline - Date.now() - 40_000));

    // Warm-up (not reported): JIT, pools, and proof that the matching processor consumes.
    await acceptor.steady(tickets.warmup, config.rate, config.maxInFlight);
    const warm = await drain(30_000);
    if (!warm.drained) throw new Error(`warm-up: ${warm.pending} ticket(s) never got a proposal; is the matching processor running?`);
    log('warm-up done');

    const phase = async (period: keyof typeof tickets, label: string, drive: (t: RoutedTicket[]) => ReturnType<Acceptor['steady']>): Promise<PhaseReport> => {
      signal.throwIfAborted();
      log(`${label}: ${tickets[period].length} tickets`);
      const before = await meter.sample();
      const load = await drive(tickets[period]);
      const drained = await drain(drainBudget());
      const cpu = coresBetween(before, await meter.sample());
      const stats = await proposalStats(db, period);
      log(`${label}: ${load.accepted} accepted, ${stats.proposed} proposed, ${stats.escalated} escalated${drained.drained ? '' : ' (drain timed out)'}`);
      return { label, load, drain: drained, stats, cpu };
    };
    const steady = await phase('steady', `steady ${config.rate} tickets/s`, (t) => acceptor.steady(t, config.rate, config.maxInFlight));
    const full = await phase('full', `full speed, ${config.connections} conns`, (t) => acceptor.fullSpeed(t, config.connections));

    // The baselines run without the API and the worker: no CPU shared with them, no processor consuming.
    signal.throwIfAborted();
    log('stopping the API and the worker');
    await Promise.all([api.stop(), worker.stop()]);
    const triaged = await insertTickets(db, people, 'raw', config.rawSeconds * RAW_TICKETS_PER_SECOND, 'triaged');
    log(`baseline (a): raw proposal transactions, ${config.rawSeconds} s`);
    const raw = await rawProposals(world.databaseUrl, triaged, config.rawSeconds, config.rawConnections, signal);
    signal.throwIfAborted();
    log(`baseline (b): bare BullMQ hop at ${config.rate}/s, ${config.hopSeconds} s`);
    const hop = await bareHop(config.redisUrl, world.queuePrefix, config.rate, config.hopSeconds, config.hopConcurrency, signal);

    const load = await providerLoad(db);
    return render({ config, runId: world.runId, deskStaff: people.staff.length, steady, full, raw, hop, load });
  } finally {
    meter.close();
    await closeStack(stack);
  }
}

const config = matchingConfig();
runBench(config, config.deadlineSeconds, (world, services, deadline, signal) => run(config, world, services, deadline, signal));
