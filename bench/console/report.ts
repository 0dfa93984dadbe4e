import { cpus } from 'node:os';
import { percentile } from '../intake/load';
import { fmt, table } from '../intake/report';
import type { Transfer } from './measure';

export interface ConsoleReport {
  runId: string;
  chromium: string;
  signIn: Transfer;
  roles: { role: string; transfer: Transfer }[];
  timings: { label: string; ms: number[] }[];
  targetSignInKb: number;
}

const kb = (bytes: number) => fmt(bytes / 1024, 1);
const total = (t: Transfer) => t.jsGzip + t.cssGzip;

function transferRow(label: string, t: Transfer, target: string): (string | number)[] {
  return [label, t.jsFiles, kb(t.jsRaw), kb(t.jsGzip), t.cssFiles, kb(t.cssGzip), kb(total(t)), kb(t.wire), target];
}

export function render(r: ConsoleReport): string {
  const signInOk = total(r.signIn) <= r.targetSignInKb * 1024;
  const sizes = table(
    [['route (cold load)', 'JS files', 'JS KB', 'JS KB gzip', 'CSS files', 'CSS KB gzip', 'total KB gzip', 'sent KB (br)', 'target']],
    [
      transferRow('sign-in (/login)', r.signIn, `≤ ${r.targetSignInKb} ${signInOk ? 'met' : 'MISSED'}`),
      ...r.roles.map(({ role, transfer }) => transferRow(`${role} first page (/)`, transfer, '')),
    ],
  );
  const times = table(
    [['time to', 'runs', 'median ms', 'p90 ms', 'min ms', 'max ms']],
    r.timings.map(({ label, ms }) => [label, ms.length, fmt(percentile(ms, 0.5)), fmt(percentile(ms, 0.9)), fmt(Math.min(...ms)), fmt(Math.max(...ms))]),
  );
  return [
    `bench:console — run ${r.runId}, ${cpus().length} cores, ${r.chromium}, console served by the API process; gzip sizes computed at level 9, "sent" is what the API transferred (the build's precompressed brotli)`,
    '',
    sizes,
    '',
    'Times: navigation start to the sign-in button, or to the first page\'s heading (data loaded), each in a fresh browser context (cold cache), on the same machine as the API.',
    '',
    times,
    '',
    `console: sign-in ${fmt(total(r.signIn) / 1024)} KB gzip; ` +
      r.timings.map(({ label, ms }) => `${label} median ${fmt(percentile(ms, 0.5))} ms`).join('; '),
  ].join('\n');
}
