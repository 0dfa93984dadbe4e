import { PoolClient } from 'pg';
import { FaultStack, ZONE_MANAGERS } from './support/fault-stack';
import { Intake } from './support/intake';
import { waitAllRouted } from './support/ledger';
import { sleep, waitFor } from './support/processes';
import { printTable, Row, seconds, tally } from './support/report';

const KILLS = 3;
/** The target: every ticket routed within 15 s of a worker being up again. */
const DEADLINE_MS = 15_000;

/**
 * Routing waits for the desks' seats (`desk_member ... FOR UPDATE`): while the test holds them,
 * the worker's routing jobs stay active under its locks, so each SIGKILL lands on a worker
 * that holds jobs, which only BullMQ's lock expiry and stall check can give back. The seats are
 * taken in the worker's order (desk by desk in code-point order, then by member), or a routing
 * transaction holding one desk while it waits for the next deadlocks with the test.
 */
async function holdDeskSeats(stack: FaultStack): Promise<PoolClient> {
  const client = await stack.db.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT 1 FROM desk_member ORDER BY desk COLLATE "C", user_id FOR UPDATE');
    return client;
  } catch (error) {
    // Give the connection back, or closing the pool after the failure waits for it forever.
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
    throw error;
  }
}

describe('a worker killed with SIGKILL during intake', () => {
  let stack: FaultStack;

  beforeAll(async () => {
    stack = await FaultStack.start('worker-kill');
  }, 120_000);
  afterAll(() => stack?.close());

  it('loses no ticket, routes none twice, and routes every ticket within 15 s of each restart', async () => {
    const routing = stack.queue('routing');
    const intake = new Intake(stack.http, await Promise.all(ZONE_MANAGERS.map((m) => stack.login(m))));
    intake.start(1_000);
    const rows: Row[] = [];
    const afterRestart: number[] = [];
    let lastRestart = 0;
    try {
      for (let round = 1; round <= KILLS; round++) {
        const seats = await holdDeskSeats(stack);
        let held: string[];
        let killedAt: number;
        try {
          // A routing job carries a filed list's tickets (demand_list.filed) or one rerouted ticket.
          await waitFor(async () => (await routing.getActiveCount()) >= 3, 20_000, 'the worker to hold routing jobs');
          held = (await routing.getActive(0, 1000)).flatMap((job) => (job.data.payload.ticketIds ?? [job.data.payload.ticketId]) as string[]);
          await stack.worker!.stop('SIGKILL');
          killedAt = Date.now();
        } finally {
          await seats.query('COMMIT');
          seats.release();
        }
        await sleep(1_000); // down for a second, as a supervisor restarts it
        lastRestart = Date.now();
        await stack.startWorker();
        const upMs = Date.now() - lastRestart;
        // The held jobs come back only through their lock's expiry and the stall check.
        const ofHeld = await waitAllRouted(stack, held, 30_000);
        const routedAt = ofHeld.lastRoutedAt ?? Number.NaN;
        afterRestart.push(routedAt - lastRestart);
        rows.push({
          kill: round,
          'jobs held': held.length,
          'worker up after (s)': seconds(upMs),
          'held routed, s after kill': seconds(routedAt - killedAt),
          's after restart': seconds(routedAt - lastRestart),
          'held lost': ofHeld.lost,
        });
      }
    } finally {
      await intake.stop();
    }
    printTable('worker SIGKILL during intake: each kill', rows);

    const ledger = await waitAllRouted(stack, intake.ticketIds, lastRestart + 60_000 - Date.now());
    const lastRoutedAfterRestart = ledger.lastRoutedAt === null ? null : Math.max(0, ledger.lastRoutedAt - lastRestart);
    printTable('worker SIGKILL during intake: totals', [{
      'lists filed': intake.answers.length,
      'answers': tally(intake.answers.map((a) => a.status)),
      'tickets accepted': ledger.accepted,
      lost: ledger.lost,
      'duplicate routings': ledger.duplicates,
      'all routed, s after last restart': lastRoutedAfterRestart === null ? null : seconds(lastRoutedAfterRestart),
      'deadline (s)': DEADLINE_MS / 1000,
    }]);

    expect(intake.answers.filter((a) => a.status !== 201)).toEqual([]);
    expect(rows.every((r) => (r['jobs held'] as number) > 0 && r['held lost'] === 0)).toBe(true);
    for (const ms of afterRestart) expect(ms).toBeLessThanOrEqual(DEADLINE_MS);
    expect(ledger.lost).toBe(0);
    expect(ledger.duplicates).toBe(0);
    expect(lastRoutedAfterRestart).not.toBeNull();
    expect(lastRoutedAfterRestart!).toBeLessThanOrEqual(DEADLINE_MS);
  });
});
