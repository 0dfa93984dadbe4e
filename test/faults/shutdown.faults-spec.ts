import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../apps/standalone/src/processes';
import {
  alive,
  AppProcess,
  formatTable,
  freeze,
  howItEnded,
  killLeftOver,
  killServers,
  leftOver,
  NpmStart,
  orNullAfter,
  Row,
  secondsUntilGone,
  signalGroup,
  spawnApp,
  startNpm,
  startServers,
} from './shutdown-support';

/** The bound: `npm start` is gone this soon after Ctrl-C, whatever stops first. */
const LIMIT_S = 10;
/** "At once": a second signal ends it this soon, however stuck the first shutdown is. */
const SECOND_SIGNAL_LIMIT_S = 1.5;

/**
 * Ctrl-C and SIGTERM on `npm start`, the real thing: npm, its shell and the service in one
 * process group of their own, as a terminal runs a job, with the embedded PostgreSQL and a
 * redis-server of its own. Every case starts it again on the same data directory (only the
 * first start migrates), signals it, and measures how long until nothing of it is left.
 */
async function untilReady(url: string, apps: AppProcess[]): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const dead = apps.find((a) => a.child.exitCode !== null);
    if (dead) throw new Error(`${dead.app} exited:\n${dead.log()}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready: ${url}`);
}

describe('npm start stops on a signal', () => {
  const root = mkdtempSync(join(tmpdir(), 'enterpark-shutdown-'));
  const dataDir = join(root, '.data');
  const rows: Row[] = [];
  let current: NpmStart | null = null;

  const start = async () => (current = await startNpm(dataDir));

  async function record(name: string, signal: string, s: NpmStart, seconds: number): Promise<Row> {
    const exit = Number.isFinite(seconds) ? await s.exited : null;
    const row = { name, signal, seconds, npmExit: exit ? String(exit.code ?? exit.signal) : 'running', stoppedBy: howItEnded(s.log()) };
    rows.push(row);
    // What it said last, for a case that fails.
    if (!(seconds <= LIMIT_S) || row.stoppedBy === 'no last words') process.stdout.write(`\n${name}, the log's end:\n${s.log().split('\n').slice(-30).join('\n')}\n`);
    return row;
  }

  afterEach(() => {
    if (current) killLeftOver(current);
    current = null;
  });

  afterAll(() => {
    process.stdout.write(formatTable(rows));
    rmSync(root, { recursive: true, force: true });
  });

  it('Ctrl-C (SIGINT to the whole process group)', async () => {
    const s = await start();
    signalGroup(s, 'SIGINT');
    const row = await record('Ctrl-C', 'SIGINT to the group', s, await secondsUntilGone(s, 30));
    expect(leftOver(s)).toEqual([]);
    expect(row.seconds).toBeLessThanOrEqual(LIMIT_S);
    expect(row.stoppedBy).toBe('stopped, exit 0');
  });

  it('a process manager (SIGTERM to the whole group)', async () => {
    const s = await start();
    signalGroup(s, 'SIGTERM');
    const row = await record('group SIGTERM', 'SIGTERM to the group', s, await secondsUntilGone(s, 30));
    expect(leftOver(s)).toEqual([]);
    expect(row.seconds).toBeLessThanOrEqual(LIMIT_S);
    expect(row.stoppedBy).toBe('stopped, exit 0');
  });

  it('kill <pid> (SIGTERM to the node process only): npm ends with its exit code', async () => {
    const s = await start();
    process.kill(s.node, 'SIGTERM');
    const row = await record('SIGTERM to node', 'SIGTERM to node only', s, await secondsUntilGone(s, 30));
    expect(leftOver(s)).toEqual([]);
    expect(row.seconds).toBeLessThanOrEqual(LIMIT_S);
    expect(row.stoppedBy).toBe('stopped, exit 0');
    expect(row.npmExit).toBe('0');
  });

  it('the API and the worker on their own stop on SIGTERM within their bound after PostgreSQL and Redis vanished', async () => {
    // The servers of the starts above, on the same data; the apps as a deployment runs them.
    const { databaseUrl, redisUrl } = startServers(dataDir);
    const { jwtSecret } = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as { jwtSecret: string };
    const port = await freePort();
    const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, JWT_SECRET: jwtSecret, PORT: String(port), DATA_DIR: dataDir };
    const apps = [spawnApp('api', env), spawnApp('worker', env)];
    try {
      await untilReady(`http://127.0.0.1:${port}/health/ready`, apps);
      await new Promise((r) => setTimeout(r, 2000)); // the worker's relay, reconciler and processors are polling
      killServers(dataDir);
      await new Promise((r) => setTimeout(r, 500));
      const t0 = performance.now();
      for (const app of apps) app.child.kill('SIGTERM');
      for (const app of apps) {
        const exit = await orNullAfter(app.exited, 30_000);
        const seconds = exit ? (exit.at - t0) / 1000 : Infinity;
        rows.push({ name: `${app.app} alone, servers gone`, signal: 'SIGTERM to the process', seconds, npmExit: '(no npm)', stoppedBy: howItEnded(app.log()) });
        expect(seconds).toBeLessThanOrEqual(LIMIT_S);
      }
    } finally {
      for (const app of apps) app.child.kill('SIGKILL');
      killServers(dataDir);
    }
  });

  it('a second Ctrl-C while the shutdown waits on frozen servers ends it at once', async () => {
    const s = await start();
    // PostgreSQL and Redis stop answering (SIGSTOP): closing the API and the worker now waits.
    freeze(s.postgres);
    freeze(s.redis);
    signalGroup(s, 'SIGINT');
    await new Promise((r) => setTimeout(r, 1000));
    expect(alive(s.node)).toBe(true); // still shutting down: the second signal has something to cut short
    signalGroup(s, 'SIGINT');
    const row = await record('second Ctrl-C, servers frozen', 'SIGINT, again 1 s later (timed from it)', s, await secondsUntilGone(s, 30));
    expect(leftOver(s)).toEqual([]);
    expect(row.seconds).toBeLessThanOrEqual(SECOND_SIGNAL_LIMIT_S);
    expect(row.stoppedBy).toBe('second signal, exit 130');
  });
});
