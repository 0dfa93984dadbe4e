import { Judged } from '../../test/fixtures/similar-demands';
import { SimilarBenchConfig } from './config';
import { Latency } from './measure';
import { MethodResult } from './methods';
import { SeedResult } from './seed';

export interface SimilarReport {
  config: SimilarBenchConfig;
  runId: string;
  corpus: number;
  seed: SeedResult | null;
  methods: MethodResult[];
  phases: { name: string; clients: number; baseline: Latency; similar: Latency }[];
  atScale: Judged;
  load: { before: number[]; after: number[] };
}

const f = (n: number, digits = 1) => n.toFixed(digits);
const pr = (j: Judged) => `${f(j.precision, 3)} / ${f(j.recall, 3)}`;
const row = (cells: string[], widths: number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');

export function render(r: SimilarReport): string {
  const lines: string[] = [];
  lines.push(`bench/similar run ${r.runId}: ${r.corpus.toLocaleString('en')} tickets indexed (${r.config.tickets.toLocaleString('en')} generated + 216 labelled)`);
  if (r.seed) lines.push(`seeded in ${f(r.seed.seconds, 0)} s (segmenting ${f(r.seed.segmentSeconds, 0)} s of it)`);
  lines.push(`load average (1/5/15 min) before timing: ${r.load.before.map((l) => f(l, 2)).join(' ')}, after: ${r.load.after.map((l) => f(l, 2)).join(' ')} (2 cores, shared)`);
  lines.push('');
  lines.push('Ranking methods on the labelled set (precision@3 / recall@3; tuning: leave-one-out in the tuning part; held-out: never tuned on)');
  const mw = [40, 17, 17, 12];
  lines.push(row(['method', 'tuning', 'held-out', 'type≠kind'], mw));
  for (const m of r.methods) lines.push(row([m.method, pr(m.tuning), pr(m.heldOut), f(m.heldOut.sameTypeOtherKind, 3)], mw));
  lines.push('');
  lines.push(`GET /tickets/{id}/similar?limit=5 vs the baseline GET /tickets/{id} (a plain lookup by id), interleaved, ${r.config.requests} of each per phase, ms`);
  const w = [34, 9, 9, 9, 8];
  lines.push(row(['phase', 'p50', 'p95', 'p99', 'errors'], w));
  for (const p of r.phases) {
    for (const [name, l] of [['baseline', p.baseline], ['similar', p.similar]] as const) {
      lines.push(row([`${p.name} ${name}`, f(l.p50), f(l.p95), f(l.p99), String(l.errors)], w));
    }
    lines.push(row([`${p.name} ratio similar/baseline`, f(p.similar.p50 / p.baseline.p50, 2), f(p.similar.p95 / p.baseline.p95, 2), f(p.similar.p99 / p.baseline.p99, 2), ''], w));
  }
  lines.push('');
  const seq = r.phases[0].similar;
  lines.push(`held-out queries at this scale (relevant: same kind, labelled or generated): precision@3 / recall@3 = ${pr(r.atScale)}, same type other kind ${f(r.atScale.sameTypeOtherKind, 3)}`);
  lines.push(`targets: p99 < ${r.config.targetP99Ms} ms (sequential: ${f(seq.p99)} ms ${seq.p99 < r.config.targetP99Ms ? 'met' : 'NOT met'}), precision@3 ≥ ${r.config.targetPrecision} and recall@3 ≥ ${r.config.targetRecall} (${r.atScale.precision >= r.config.targetPrecision && r.atScale.recall >= r.config.targetRecall ? 'met' : 'NOT met'})`);
  lines.push('');
  lines.push(`similar: p99 ${f(seq.p99)} ms on ${r.corpus.toLocaleString('en')} tickets (sequential); held-out precision@3 / recall@3 ${pr(r.atScale)}`);
  return lines.join('\n');
}
