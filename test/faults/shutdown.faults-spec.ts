import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  alive,
  formatTable,
  freeze,
  howItEnded,
  killLeftOver,
  leftOver,
  NpmStart,
  Row,
  secondsUntilGone,
  signalGroup,
  startNpm,
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
