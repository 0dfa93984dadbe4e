import { cpus } from 'node:os';
import { fmt, table } from '../intake/report';
import { CPU_USERS, CpuUse } from '../matching/cpu';
import { ComposePhase } from './compose-phase';
import { DigestBenchConfig } from './config';
import { DeliveryStats, RawSend } from './deliver-phase';
import { SeedCounts } from './seed';

export interface DigestReport {
  config: DigestBenchConfig;
  runId: string;
  seed: SeedCounts;
  compose: ComposePhase;
  delivery: DeliveryStats;
  raw: RawSend;
  /** 1, 5 and 15 minutes, taken as the delivery ended: the machine is shared. */
  loadAverage: number[];
}

/** CPU milliseconds per message by process over a phase, the stack's total, and the cores the whole machine used. */
function cpuRow(label: string, cpu: CpuUse, messages: number): (string | number)[] {
  const ms = (cores: number) => (cores * cpu.wallSeconds * 1000) / Math.max(1, messages);
  const stack = CPU_USERS.filter((u) => u !== 'other').reduce((sum, u) => sum + cpu.cores[u], 0);
  return [label, ...CPU_USERS.map((u) => fmt(ms(cpu.cores[u]), 2)), fmt(ms(stack), 2), fmt(stack + cpu.cores.other, 2)];
}

export function render(r: DigestReport): string {
  const { config, seed, delivery: d } = r;
  const all = r.compose.stats.find((s) => s.role === 'all')!;
  const digests = d.planned - d.skipped;
  const composeTable = table(
    [['role', 'recipients', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'HTML KB']],
    r.compose.stats.map((s) => [s.role, s.count, fmt(s.p50Ms, 1), fmt(s.p95Ms, 1), fmt(s.p99Ms, 1), fmt(s.maxMs, 1), fmt(s.htmlKb, 1)]),
  );
  const deliveryTable = table(
    [['phase', 'messages', 'seconds', 'messages/s']],
    [
      ['run → every digest composed and stored', digests, fmt(d.composedSeconds, 1), fmt(digests / d.composedSeconds, 0)],
      ['run → every digest sent (accepted by SMTP)', digests, fmt(d.deliveredSeconds, 1), fmt(digests / d.deliveredSeconds, 0)],
      ['baseline: the same messages, raw nodemailer pool → same SMTP', r.raw.messages, fmt(r.raw.seconds, 1), fmt(r.raw.messages / r.raw.seconds, 0)],
    ],
  );
  const cpuTable = table(
    [['CPU ms per message', ...CPU_USERS, 'stack', 'cores used']],
    [cpuRow('service (POST → last sent)', d.cpu, digests), cpuRow('raw send (sender and sink in bench)', r.raw.cpu, r.raw.messages)],
  );
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  return [
    `bench/digest — run ${r.runId}, ${cpus().length} cores, week ${config.week}`,
    `seeded in ${fmt(seed.seconds, 0)} s: ${fmt(seed.tickets)} tickets in ${fmt(seed.lists)} lists, ${fmt(seed.zones)} zones, ` +
      `${fmt(seed.users)} recipients; ${fmt(seed.ticketsTouchedInWeek)} tickets changed during the week`,
    '',
    `Per-recipient compose (DigestComposer in-process, one after another, nothing stored), after the week's shared figures took ${fmt(r.compose.prepareMs, 0)} ms once:`,
    composeTable,
    '',
    `Delivery (API and worker processes, MAIL_SEND_CONCURRENCY=${config.sendConcurrency}, local SMTP sink):`,
    deliveryTable,
    '',
    cpuTable,
    `  bench is this process: the SMTP sink in both rows, the raw sender too; other is the rest of the shared machine; stack excludes other.`,
    '',
    `stored: ${Object.entries(d.storedByKind).map(([k, n]) => `${k} ${n}`).join(', ')}; average message ${fmt(d.averageKb, 1)} KB (raw send ${fmt(r.raw.averageKb, 1)} KB); ` +
      `${d.received} messages received, of them twice (same Message-ID) ${d.resent}; failed ${d.failed}; ` +
      `re-run of the same week planned ${d.rerunPlanned} and delivered ${d.rerunReceived}`,
    `end-to-end vs raw SMTP: ${fmt(d.deliveredSeconds / r.raw.seconds, 1)}× the raw send time; load average ${r.loadAverage.map((l) => l.toFixed(1)).join(' ')}`,
    `targets: all digests delivered < ${config.targetSeconds} s: ${fmt(d.deliveredSeconds, 1)} s — ${met(d.deliveredSeconds < config.targetSeconds)}; ` +
      `compose p99 < ${config.targetComposeP99Ms} ms: ${fmt(all.p99Ms, 1)} ms — ${met(all.p99Ms < config.targetComposeP99Ms)}`,
    '',
    `digest: ${fmt(digests)} sent in ${fmt(d.deliveredSeconds, 1)} s = ${fmt(d.deliveredSeconds / r.raw.seconds, 1)}× raw send`,
  ].join('\n');
}
