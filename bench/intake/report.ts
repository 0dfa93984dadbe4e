import { cpus } from 'node:os';
import { CPU_USERS, CpuUse } from '../matching/cpu';
import { BenchConfig } from './config';
import { LoadResult, percentile } from './load';
import { Drain, RoutedStats } from './measure';
import { RawRate } from './raw-baseline';
import { UploadResult } from './workbooks';

export interface PhaseReport {
  label: string;
  load: LoadResult;
  drain: Drain;
  stats: RoutedStats;
  /** From the phase's first submission until its last ticket was routed. */
  cpu: CpuUse;
}

export interface Report {
  config: BenchConfig;
  runId: string;
  deskStaff: number;
  steady: PhaseReport;
  full: PhaseReport;
  rawInsert: RawRate;
  rawQueue: RawRate;
  /** Resident set of each process at rest after the warm-up, MB. */
  idleRssMb: { api: number; worker: number };
  /** Peak resident set of each process from its start to the end of the warm-up (the seeding signs users in), MB. */
  seedingPeakRssMb: { api: number; worker: number };
  /** Peak resident set of each process over the steady and full-speed phases, MB. */
  peakRssMb: { api: number; worker: number };
  /** A steady phase while zone managers upload the largest accepted workbook as dry runs, and the API's peak over it. */
  workbookPhase: { phase: PhaseReport; uploads: UploadResult; uploaders: number; unpackedBytes: number; peakRssMb: number };
}

type Cell = string | number;

export const fmt = (value: number, digits = 0) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a';

/** Plain-text table: first column left-aligned, the others right-aligned. */
export function table(header: Cell[][], rows: Cell[][]): string {
  const all = [...header, ...rows].map((r) => r.map(String));
  const widths = all[0].map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [...all.slice(0, header.length).map(line), rule, ...all.slice(header.length).map(line)].join('\n');
}

/** Tickets routed per second: the phase's tickets over (last routing − phase start). */
export function routedPerSecond(p: PhaseReport): number {
  return (p.stats.routed * 1000) / (p.stats.lastRoutedAt - p.load.startedAt);
}

function phaseRow(p: PhaseReport, items: number): Cell[] {
  const seconds = p.load.elapsedMs / 1000;
  return [
    p.label,
    fmt(p.load.accepted / seconds, 1),
    fmt((p.load.accepted * items) / seconds),
    fmt(routedPerSecond(p)),
    fmt(p.stats.p50Ms, 1),
    fmt(p.stats.p95Ms, 1),
    fmt(p.stats.p99Ms, 1),
    fmt(p.stats.maxMs, 1),
    fmt(percentile(p.load.ackMs, 0.99), 1),
    p.load.failed,
  ];
}

/** The service's own processes: the load generator (bench) is the users, not the service. */
const SERVICE = ['api', 'worker', 'postgres', 'redis'] as const;

/** CPU milliseconds per routed ticket of each process, and of the service. */
function cpuPerTicket(p: PhaseReport): { by: Record<(typeof CPU_USERS)[number], number>; service: number } {
  const perTicket = (cores: number) => (cores * p.cpu.wallSeconds * 1000) / p.stats.routed;
  const by = Object.fromEntries(CPU_USERS.map((u) => [u, perTicket(p.cpu.cores[u])])) as Record<(typeof CPU_USERS)[number], number>;
  return { by, service: SERVICE.reduce((sum, u) => sum + by[u], 0) };
}

function cpuRows(p: PhaseReport): Cell[][] {
  const { cores } = p.cpu;
  const perTicket = cpuPerTicket(p);
  return [
    [`${p.label}: cores`, ...CPU_USERS.map((u) => fmt(cores[u], 2)), fmt(SERVICE.reduce((sum, u) => sum + cores[u], 0), 2)],
    [`${p.label}: CPU ms/ticket`, ...CPU_USERS.map((u) => fmt(perTicket.by[u], 2)), fmt(perTicket.service, 2)],
  ];
}

function notes(p: PhaseReport): string[] {
  const out: string[] = [];
  if (p.load.failed) out.push(`${p.label}: ${p.load.failed} list(s) not accepted ${JSON.stringify(p.load.failures)}`);
  if (!p.drain.drained) out.push(`${p.label}: drain timed out with ${p.drain.pending} ticket(s) still submitted; stats cover routed tickets only`);
  return out;
}

export function render(r: Report): string {
  const { config: c } = r;
  const steadyRate = (r.steady.load.accepted * c.items * 1000) / r.steady.load.elapsedMs;
  const rateReached = steadyRate >= 0.95 * c.rate;
  const e2e = routedPerSecond(r.full);
  const limit = Math.min(r.rawInsert.perSecond, r.rawQueue.perSecond);
  const ratio = e2e / limit;
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

  const phases = table(
    [
      ['phase', 'lists/s', 'tickets/s', 'tickets/s', 'p50', 'p95', 'p99', 'max', 'HTTP 201', 'failed'],
      ['', 'accepted', 'accepted', 'routed', 'ms', 'ms', 'ms', 'ms', 'p99 ms', 'lists'],
    ],
    [phaseRow(r.steady, c.items), phaseRow(r.full, c.items), phaseRow(r.workbookPhase.phase, c.items)],
  );
  const w = r.workbookPhase;
  const uploadFailures = Object.values(w.uploads.failures).reduce((sum, n) => sum + n, 0);
  const raw = table(
    [['raw limit, same run (API and worker stopped)', 'count', 'seconds', 'tickets/s']],
    [
      [`(a) direct INSERT: list + ${c.items} tickets + ${c.items + 1} outbox rows, 1 tx/list, ${c.rawConnections} conns`,
        fmt(r.rawInsert.count), fmt(r.rawInsert.elapsedMs / 1000, 1), fmt(r.rawInsert.perSecond)],
      [`(b) bare BullMQ: addBulk(500) + do-nothing Worker, concurrency 100${r.rawQueue.complete ? '' : ' (TIMED OUT)'}`,
        fmt(r.rawQueue.count), fmt(r.rawQueue.elapsedMs / 1000, 1), fmt(r.rawQueue.perSecond)],
      ['raw limit = min(a, b)', '', '', fmt(limit)],
    ],
  );
  const cpu = table([['CPU, phase start → last routed', ...CPU_USERS, 'service']], [...cpuRows(r.steady), ...cpuRows(r.full)]);
  // What the measured cost allows on this machine, whatever else is running: every core busy with the service alone.
  const serviceMs = cpuPerTicket(r.full).service;
  const ceiling = (cpus().length * 1000) / serviceMs;
  const targets = table(
    [['target', 'measured', 'result']],
    [
      [`end-to-end routed tickets/s (full speed) >= ${c.targetRatio * 100} % of raw limit`, `${fmt(ratio * 100, 1)} %`, verdict(ratio >= c.targetRatio)],
      [
        `ceiling at full speed: ${cpus().length} cores × 1,000 ms / ${fmt(serviceMs, 2)} ms of service CPU per ticket`,
        `${fmt(ceiling)} /s = ${fmt((ceiling / limit) * 100, 1)} %`,
        '',
      ],
      [
        `p99 submit→routed < ${c.targetP99Ms} ms at ${fmt(c.rate)} tickets/s${rateReached ? '' : ` (only ${fmt(steadyRate)}/s accepted)`}`,
        `${fmt(r.steady.stats.p99Ms, 1)} ms`,
        verdict(rateReached && r.steady.stats.p99Ms < c.targetP99Ms),
      ],
    ],
  );
  return [
    `EnterPark intake benchmark (run ${r.runId}): ${c.items} items/list, ${c.zones} zones, ${r.deskStaff} desk staff, ` +
      `${cpus().length} CPUs, node ${process.version}; API and worker in separate processes`,
    '',
    phases,
    '',
    raw,
    '',
    cpu,
    '',
    targets,
    '',
    'How to read it:',
    `- accepted = 201 answers / (first submission → last answer); routed = the phase's tickets / (phase start → last routed_at).`,
    `- p50/p95/p99/max: submit→routed = ticket.routed_at − ticket.created_at (API and worker clocks, same machine), over every ticket of the phase.`,
    `- steady: open loop, one list every ${fmt(1000 / (c.rate / c.items), 1)} ms for ${c.seconds} s; full speed: ${c.connections} connections, closed loop, ${c.seconds} s.`,
    `- CPU: /proc times of the API and worker processes, this database's PostgreSQL backends plus the server's background`,
    `  processes, Redis and the load generator (bench), from the phase's start until its last ticket was routed (with`,
    `  BENCH_UNTIL_MAILED=1: until the assignment emails of the run so far were stored and sent), over its`,
    `  routed tickets; service = API + worker + PostgreSQL + Redis; other = the rest of the machine's busy time.`,
    `  The ceiling is the routed rate the service could reach with every core to itself at that cost per ticket.`,
    `- (b) enqueues as many jobs as the full-speed phase accepted tickets: one job per ticket, as routing took before it took`,
    `  one job per filed list. raw limit = min(a, b) as in earlier runs, so ratios stay comparable across versions.`,
    `- rss: resident set (/proc); idle 2 s after the warm-up; peak over the steady and full-speed phases. The seeding (sign-ins,`,
    `  argon2) peaked at api ${fmt(r.seedingPeakRssMb.api)} MB, worker ${fmt(r.seedingPeakRssMb.worker)} MB.`,
    `- workbooks: the steady load again while ${w.uploaders} zone managers upload the largest workbook the API accepts (200 items and an`,
    `  appendix sheet, ${fmt(w.unpackedBytes / 1024 / 1024, 2)} MiB unpacked) as dry runs, one after another each: ${fmt(w.uploads.uploads)} uploads,`,
    `  ${uploadFailures ? `${uploadFailures} not answered 200 ${JSON.stringify(w.uploads.failures)}` : 'all answered 200'}, p50 ${fmt(w.uploads.p50Ms)} ms, max ${fmt(w.uploads.maxMs)} ms; API peak rss ${fmt(w.peakRssMb)} MB.`,
    ...[...notes(r.steady), ...notes(r.full), ...notes(w.phase)].map((n) => `- NOTE ${n}`),
    '',
    `intake: ${fmt(ratio * 100, 1)} % of raw (${fmt(e2e)} / ${fmt(limit)} tickets/s); p99 submit→routed at ${fmt(c.rate)}/s ` +
      `${fmt(r.steady.stats.p99Ms)} ms; ${fmt(serviceMs, 2)} ms CPU/ticket; rss idle/peak api ${fmt(r.idleRssMb.api)}/${fmt(r.peakRssMb.api)} MB ` +
      `worker ${fmt(r.idleRssMb.worker)}/${fmt(r.peakRssMb.worker)} MB; api ${fmt(w.peakRssMb)} MB loading workbooks`,
  ].join('\n');
}
