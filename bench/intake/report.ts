import { cpus } from 'node:os';
import { BenchConfig } from './config';
import { LoadResult, percentile } from './load';
import { Drain, RoutedStats } from './measure';
import { RawRate } from './raw-baseline';

export interface PhaseReport {
  label: string;
  load: LoadResult;
  drain: Drain;
  stats: RoutedStats;
}

export interface Report {
  config: BenchConfig;
  runId: string;
  deskStaff: number;
  steady: PhaseReport;
  full: PhaseReport;
  rawInsert: RawRate;
  rawQueue: RawRate;
  /** Peak resident set of each process over the whole run (both phases), MB. */
  peakRssMb: { api: number; worker: number };
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
    [phaseRow(r.steady, c.items), phaseRow(r.full, c.items)],
  );
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
  const targets = table(
    [['target', 'measured', 'result']],
    [
      [`end-to-end routed tickets/s (full speed) >= ${c.targetRatio * 100} % of raw limit`, `${fmt(ratio * 100, 1)} %`, verdict(ratio >= c.targetRatio)],
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
    targets,
    '',
    'How to read it:',
    `- accepted = 201 answers / (first submission → last answer); routed = the phase's tickets / (phase start → last routed_at).`,
    `- p50/p95/p99/max: submit→routed = ticket.routed_at − ticket.created_at (API and worker clocks, same machine), over every ticket of the phase.`,
    `- steady: open loop, one list every ${fmt(1000 / (c.rate / c.items), 1)} ms for ${c.seconds} s; full speed: ${c.connections} connections, closed loop, ${c.seconds} s.`,
    `- (b) enqueues as many jobs as the full-speed phase accepted tickets: one job per ticket, as routing took before it took`,
    `  one job per filed list. raw limit = min(a, b) as in earlier runs, so ratios stay comparable across versions.`,
    ...[...notes(r.steady), ...notes(r.full)].map((n) => `- NOTE ${n}`),
    '',
    `intake: ${fmt(ratio * 100, 1)} % of raw (${fmt(e2e)} / ${fmt(limit)} tickets/s); p99 submit→routed at ${fmt(c.rate)}/s ` +
      `${fmt(r.steady.stats.p99Ms)} ms; rss api ${fmt(r.peakRssMb.api)} MB worker ${fmt(r.peakRssMb.worker)} MB`,
  ].join('\n');
}
