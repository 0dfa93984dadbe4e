import { cpus } from 'node:os';
import { fmt, table } from '../intake/report';
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
