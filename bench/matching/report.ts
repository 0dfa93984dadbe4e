import { cpus } from 'node:os';
import { LoadResult, percentile } from '../intake/load';
import { Drain } from '../intake/measure';
import { RawRate } from '../intake/raw-baseline';
import { fmt, table } from '../intake/report';
import { Latencies } from './baseline';
import { MatchingConfig } from './config';
import { CPU_USERS, CpuUse } from './cpu';
import { ProposalStats } from './measure';

export interface PhaseReport {
  label: string;
  load: LoadResult;
  drain: Drain;
  stats: ProposalStats;
  /** From the phase's first acceptance to the end of its drain. */
  cpu: CpuUse;
}

export interface Report {
  config: MatchingConfig;
  runId: string;
  deskStaff: number;
  steady: PhaseReport;
  full: PhaseReport;
  raw: RawRate & Latencies;
  hop: Latencies & { count: number; complete: boolean };
  load: { maxLoad: number; used: number; providers: number };
}

/** Proposals per second: the phase's proposals over (phase start → last proposal). */
export function proposalsPerSecond(p: PhaseReport): number {
  return (p.stats.proposed * 1000) / (p.stats.lastProposedAt - p.load.startedAt);
}

function phaseRow(p: PhaseReport): (string | number)[] {
  const { load, stats } = p;
  const latencies = [stats.p50Ms, stats.p95Ms, stats.p99Ms, stats.maxMs, percentile(load.ackMs, 0.99)].map((ms) => fmt(ms, 1));
  return [p.label, fmt((load.accepted * 1000) / load.elapsedMs), fmt(proposalsPerSecond(p)), ...latencies, load.failed, stats.escalated];
}

function splitRow(p: PhaseReport): (string | number)[] {
  const s = p.stats;
  return [p.label, fmt(s.relayP50Ms, 1), fmt(s.relayP99Ms, 1), fmt(s.hopP50Ms, 1), fmt(s.hopP99Ms, 1), fmt(s.p50Ms, 1), fmt(s.p99Ms, 1)];
}

const STACK = CPU_USERS.filter((u) => u !== 'other');

/** CPU milliseconds of the whole stack (API, worker, PostgreSQL, Redis, load generator) per accepted ticket. */
function cpuMsPerTicket(p: PhaseReport): string {
  const stack = STACK.reduce((sum, u) => sum + p.cpu.cores[u], 0);
  return fmt((stack * p.cpu.wallSeconds * 1000) / p.load.accepted, 1);
}

/** Two rows a phase: cores used by each process, and CPU milliseconds per accepted ticket. */
function cpuRows(p: PhaseReport): (string | number)[][] {
  const { cores, wallSeconds } = p.cpu;
  const stack = STACK.reduce((sum, u) => sum + cores[u], 0);
  const perTicket = (c: number) => fmt((c * wallSeconds * 1000) / p.load.accepted, 2);
  return [
    [`${p.label}: cores`, ...STACK.map((u) => fmt(cores[u], 2)), fmt(stack, 2), fmt(cores.other, 2), fmt(stack + cores.other, 2)],
    [`${p.label}: CPU ms/ticket`, ...STACK.map((u) => perTicket(cores[u])), perTicket(stack), '', ''],
  ];
}

function notes(p: PhaseReport): string[] {
  const out: string[] = [];
  if (p.load.failed) out.push(`${p.label}: ${p.load.failed} acceptance(s) not answered 200 ${JSON.stringify(p.load.failures)}`);
  if (!p.drain.drained) out.push(`${p.label}: drain timed out with ${p.drain.pending} ticket(s) still waiting; stats cover proposed tickets only`);
  if (p.stats.proposed + p.stats.escalated < p.stats.accepted) out.push(`${p.label}: ${p.stats.accepted - p.stats.proposed - p.stats.escalated} accepted ticket(s) got no proposal`);
  return out;
}

export function render(r: Report): string {
  const { config: c } = r;
  const steadyRate = (r.steady.load.accepted * 1000) / r.steady.load.elapsedMs;
  const rateReached = steadyRate >= 0.95 * c.rate;
  const full = proposalsPerSecond(r.full);
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

  const phases = table(
    [
      ['phase', 'accepts/s', 'proposals/s', 'p50', 'p95', 'p99', 'max', 'HTTP 200', 'failed', 'escalated'],
      ['', 'answered', '', 'ms', 'ms', 'ms', 'ms', 'p99 ms', '', ''],
    ],
    [phaseRow(r.steady), phaseRow(r.full)],
  );
  const split = table(
    [
      ['where accepted → proposed goes', 'relay', '', 'queue + pickup', '', 'total', ''],
      ['', 'p50 ms', 'p99 ms', 'p50 ms', 'p99 ms', 'p50 ms', 'p99 ms'],
    ],
    [splitRow(r.steady), splitRow(r.full)],
  );
  const cpu = table([['CPU, phase start → drained', ...STACK, 'run', 'other', 'machine']], [...cpuRows(r.steady), ...cpuRows(r.full)]);
  const baseline = table(
    [['baseline, same run (API and worker stopped)', 'count', 'per s', 'p50 ms', 'p99 ms', 'max ms']],
    [
      [`(a) raw proposal transactions, ${c.rawConnections} conns, ${c.rawSeconds} s`, fmt(r.raw.count), fmt(r.raw.perSecond), fmt(r.raw.p50Ms, 1), fmt(r.raw.p99Ms, 1), fmt(r.raw.maxMs, 1)],
      [`(b) bare BullMQ hop at ${fmt(c.rate)}/s, concurrency ${c.hopConcurrency}${r.hop.complete ? '' : ' (TIMED OUT)'}`, fmt(r.hop.count), fmt(c.rate), fmt(r.hop.p50Ms, 1), fmt(r.hop.p99Ms, 1), fmt(r.hop.maxMs, 1)],
    ],
  );
  const targets = table(
    [['target / comparison', 'measured', 'result']],
    [
      [
        `p99 accepted→proposed < ${c.targetP99Ms} ms at ${fmt(c.rate)} tickets/s${rateReached ? '' : ` (only ${fmt(steadyRate)}/s answered)`}`,
        `${fmt(r.steady.stats.p99Ms, 1)} ms`,
        verdict(rateReached && r.steady.stats.p99Ms < c.targetP99Ms),
      ],
      [`steady p99 / bare hop p99 (b)`, `${fmt(r.steady.stats.p99Ms / r.hop.p99Ms, 1)} ×`, ''],
      [`full-speed proposals/s / raw proposal transactions/s (a)`, `${fmt((full / r.raw.perSecond) * 100, 1)} %`, ''],
    ],
  );
  return [
    `EnterPark matching benchmark (run ${r.runId}): ${c.zones} zones, ${r.load.providers} providers × ${fmt(c.capacity)} places, ` +
      `${r.deskStaff} desk staff, ${cpus().length} CPUs, node ${process.version}; API and worker in separate processes`,
    '',
    phases,
    '',
    split,
    '',
    cpu,
    '',
    baseline,
    '',
    targets,
    '',
    'How to read it:',
    `- Routed tickets are inserted directly with SQL (status routed, desk = type, assignee a desk member, no SLA clock), so only`,
    `  acceptance and matching are timed. Desk staff accept them with POST /api/v1/tickets/:id/accept ({} or {priority}).`,
    `- accepted→proposed = occurred_at(ticket.match_proposed) − occurred_at(ticket.accepted), over every ticket of the phase: the`,
    `  system's part of "routed → match proposed" once the desk acts (a person's triage time is not the system's). Both stamps are`,
    `  taken before their transaction's writes, so the tail includes the accept's commit but not the proposal's own commit.`,
    `- relay = ticket.accepted → its claim by the outbox relay (published_at); queue + pickup = that claim → the matching`,
    `  transaction's start (BullMQ hop, job pickup, wait for a pool connection).`,
    `- steady: open loop, ${fmt(c.rate)} acceptances/s for ${c.seconds} s after a ${c.warmupSeconds} s warm-up; an acceptance due`,
    `  while ${c.maxInFlight} are unanswered is shed (counted failed, ticket left routed). full speed: ${c.connections} connections,`,
    `  closed loop, ${fmt(c.fullTickets)} tickets. proposals/s = proposals / (phase start → last proposal).`,
    `- CPU: /proc times of the API and worker processes, this database's PostgreSQL backends plus the server's background`,
    `  processes, Redis, and the load generator (bench) over the phase; other = the rest of the machine's busy time (other`,
    `  users' processes, the kernel); ${cpus().length} cores in all.`,
    `- (a) runs ProposeMatchService's statements and ranking on raw pg, one transaction per ticket; (b) times add → worker has it.`,
    `- Provider load at the end: fullest ${fmt(r.load.maxLoad * 100, 1)} % of capacity; ${r.load.used} of ${r.load.providers} providers received proposals.`,
    ...[...notes(r.steady), ...notes(r.full)].map((n) => `- NOTE ${n}`),
    '',
    `matching: p99 accepted→proposed at ${fmt(c.rate)}/s ${fmt(r.steady.stats.p99Ms)} ms; ${cpuMsPerTicket(r.steady)} ms CPU/ticket`,
  ].join('\n');
}
