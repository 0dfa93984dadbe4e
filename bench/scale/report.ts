import { cpus } from 'node:os';
import { fmt, table } from '../intake/report';
import { Integrity } from './checks';
import { ScaleConfig } from './config';
import { CPU_GROUPS } from './cpu';
import { ConfigRun } from './main';

const itemsPerSecond = (r: ConfigRun, c: ScaleConfig) => r.facts.routedDuringLoad / c.seconds;
const duplicates = (f: Integrity) => f.duplicateRoutings + f.duplicateProposals + f.duplicateEmails;

const STACK = ['api', 'worker', 'postgres', 'redis'] as const;

/** CPU milliseconds the service's own processes spent per item routed during the load. */
function msPerItem(r: ConfigRun, c: ScaleConfig, group?: (typeof STACK)[number]): number {
  const cores = group ? r.cpu.cores[group] : STACK.reduce((a, g) => a + r.cpu.cores[g], 0);
  return (cores * c.seconds * 1000) / r.facts.routedDuringLoad;
}

/** What kept the last configuration from going faster, read from where the CPU went. */
function limit(r: ConfigRun, c: ScaleConfig): string {
  const { cpu, workers } = r;
  const cores = cpus().length;
  const busy = CPU_GROUPS.reduce((a, g) => a + cpu.cores[g], 0);
  const [top, second] = [...CPU_GROUPS].sort((a, b) => cpu.cores[b] - cpu.cores[a]);
  const lines = [
    `- With ${workers} workers the machine's ${cores} cores were ${fmt((busy / cores) * 100)} % busy (load average ${fmt(cpu.loadAverage, 1)}): ` +
      `${CPU_GROUPS.map((g) => `${g} ${fmt(cpu.cores[g], 2)}`).join(', ')} cores.`,
  ];
  if (busy / cores >= 0.85) {
    lines.push(`  The limit is CPU: every core is taken, most by ${top} (${fmt(cpu.cores[top], 2)}) and ${second} (${fmt(cpu.cores[second], 2)}); ` +
      `another worker process only shares the same cores.`);
  } else {
    lines.push(`  CPU was not exhausted; the wait is elsewhere (PostgreSQL row locks and commits, or the load generator's ${fmt(cpu.cores.bench, 2)} cores).`);
  }
  lines.push(`  Per item routed the service spent ${fmt(msPerItem(r, c), 1)} ms of CPU (${STACK.map((g) => `${g} ${fmt(msPerItem(r, c, g), 1)}`).join(', ')}),`,
    `  so ${cores} cores given to it alone would carry about ${fmt((cores * 1000) / msPerItem(r, c))} items/s, whatever the number of workers.`);
  lines.push(`  Redis is not it: its busiest node used ${fmt(cpu.busiestRedis * 100)} % of one core (every queue key shares the {prefix} hash tag, so one node ` +
    `carries all queues); the busiest worker ${fmt(cpu.busiestWorker * 100)} % of one core.`);
  return lines.join('\n');
}

export function render(c: ScaleConfig, runId: string, runs: ConfigRun[], all: Integrity, mailResent: number): string {
  const base = itemsPerSecond(runs[0], c);
  const speed = table(
    [
      ['workers', 'lists/s', 'items/s', 'vs', 'p50', 'p99', 'settled', 'accepts', 'proposed', 'mails', 'HTTP'],
      ['', 'filed', 'routed', `${runs[0].workers}w`, 'ms', 'ms', 'after kill', '(desk)', '', 'stored', 'failed'],
    ],
    runs.map((r) => [
      `${r.workers}w`,
      fmt(r.load.accepted / (r.load.elapsedMs / 1000), 1),
      fmt(itemsPerSecond(r, c)),
      `${fmt(itemsPerSecond(r, c) / base, 2)}x`,
      fmt(r.facts.p50Ms, 1),
      fmt(r.facts.p99Ms),
      r.settledAfterKill === null ? 'NO' : `${fmt(r.settledAfterKill, 1)} s`,
      fmt(r.acceptances.accepted),
      fmt(r.facts.proposed),
      fmt(r.facts.mails),
      r.load.failed + r.acceptances.failed,
    ]),
  );
  const cpu = table(
    [['workers', ...CPU_GROUPS.map((g) => `${g}`), 'busiest', 'busiest', 'load', 'service'], ['', ...CPU_GROUPS.map(() => 'cores'), 'worker', 'redis node', 'avg 1m', 'ms/item']],
    runs.map((r) => [
      `${r.workers}w`, ...CPU_GROUPS.map((g) => fmt(r.cpu.cores[g], 2)), fmt(r.cpu.busiestWorker, 2), fmt(r.cpu.busiestRedis, 2), fmt(r.cpu.loadAverage, 1), fmt(msPerItem(r, c), 1),
    ]),
  );
  const checks = table(
    [['workers', 'tickets', 'lost', 'duplicate', 'duplicate', 'duplicate'], ['', '', '', 'routings', 'proposals', 'emails']],
    [...runs.map((r): [string, Integrity] => [`${r.workers}w`, r.facts]), ['all (with warm-ups)', all] as [string, Integrity]].map(([label, f]) => [
      label, fmt(f.tickets), f.lost, f.duplicateRoutings, f.duplicateProposals, f.duplicateEmails,
    ]),
  );
  const last = runs[runs.length - 1];
  const failures = runs.filter((r) => r.load.failed + r.acceptances.failed > 0);
  return [
    `EnterPark scale-out benchmark (run ${runId}): Redis Cluster of 3 nodes, ${c.apis} API processes, workers ${c.workers.join(', ')} in turn; ` +
      `${c.items} items/list, ${c.connectionsPerApi} connections per API, ${c.seconds} s each; ${cpus().length} CPUs, node ${process.version}`,
    '',
    speed,
    '',
    cpu,
    '',
    checks,
    '',
    'How to read it:',
    `- items/s = tickets of the configuration routed during its ${c.seconds} s of load / ${c.seconds} s; vs = against the first configuration, same run.`,
    `  Full speed on ${c.connectionsPerApi} connections per API, holding while ${fmt(c.backlogCap)} tickets wait to be routed, events to be notified or mails to be sent`,
    `  (intake outruns routing on two cores; the cap bounds the drain), so the workers are saturated for the whole load.`,
    `- p50/p99 = ticket.routed_at − created_at over every ticket of the configuration (under saturation: mostly time in the backlog),`,
    `  including those held by the killed worker until their BullMQ lock (30 s) ran out and its restart;`,
    `  settled = SIGKILL → nothing owed (unrouted, unproposed, unpublished, unnotified, unsent).`,
    `- At ${fmt(c.seconds * c.killAt, 1)} s one worker got SIGKILL and a new one was started at once; desk staff accepted every ` +
      `${c.acceptEvery}th routed ticket through the APIs, so matching proposed and mailed a provider (SMTP sink in the bench process).`,
    `- lost: filed but never routed, or accepted and neither proposed nor escalated. Duplicates: a second ticket.routed without a reroute; ` +
      `a second open proposal or more proposals than acceptances and declines allow; a second message per dedupe key, Message-ID or (ticket, kind, recipient).`,
    `- The SMTP sink saw ${mailResent} message(s) twice with the same Message-ID (a sender killed between the server's 250 and marking the row sent;`,
    `  at-least-once on the wire by design, one row each).`,
    `- CPU: /proc/<pid>/stat before and after each load (a killed worker counted to its kill); postgres = the run database's backends and the`,
    `  server's background processes; bench = the load generator, the acceptor and the SMTP sink; other = the rest of the shared machine.`,
    `  service ms/item = CPU of api + worker + postgres + redis during the load / items routed in it (the work behind an item: intake,`,
    `  routing, its assignment email composed and sent, a share of proposals; some of it still under way when the load ends).`,
    limit(last, c),
    ...failures.map((r) => `- NOTE ${r.workers}w: ${r.load.failed} list(s), ${r.acceptances.failed} acceptance(s) failed ${JSON.stringify({ ...r.load.failures, ...r.acceptances.failures })}`),
    '',
    `scale: ${runs.map((r) => `${r.workers}w ${fmt(itemsPerSecond(r, c))}/s`).join(', ')}; lost ${all.lost}; duplicates ${duplicates(all)}`,
  ].join('\n');
}

/** Why the run fails, or null: anything lost or done twice, or work that never settled. */
export function verdict(runs: ConfigRun[], all: Integrity): string | null {
  const problems: string[] = [];
  if (all.lost) problems.push(`${all.lost} ticket(s) lost`);
  if (duplicates(all)) problems.push(`duplicates: ${all.duplicateRoutings} routing(s), ${all.duplicateProposals} proposal(s), ${all.duplicateEmails} email(s)`);
  for (const r of runs) if (r.settledAfterKill === null) problems.push(`${r.workers}w did not settle: ${JSON.stringify(r.pending)}`);
  return problems.length ? problems.join('; ') : null;
}
