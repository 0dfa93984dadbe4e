import { lastFinishedWeek } from '@enterpark/common';
import { TestWebhookReceiver } from '../../libs/testing/src/test-webhook-receiver';
import { ADMIN_EMAIL, ADMIN_PASSWORD, FaultStack, ZONE_MANAGERS } from './support/fault-stack';
import { Answer } from './support/http';
import { Intake } from './support/intake';
import { waitAllRouted } from './support/ledger';
import { sleep, waitFor } from './support/processes';
import { printTable, Row, seconds, tally } from './support/report';

const RECONCILE_INTERVAL_MS = 2_000;
/** The worker's Redis client retries at most every 2 s (libs/events queue-connection). */
const RECONNECT_MS = 2_000;
const ENV = {
  RECONCILE_INTERVAL_MS: String(RECONCILE_INTERVAL_MS),
  RECONCILE_STUCK_AFTER_MS: '3000',
  TIMER_SWEEP_MS: '1000',
  WEBHOOK_POLL_MS: '500',
  WEBHOOK_ALLOW_PRIVATE: 'true',
};
const SCHEDULES: [queue: string, id: string][] = [['timers', 'timers.sweep'], ['webhooks', 'webhooks.dispatch'], ['digests', 'digests.weekly'], ['bulletins', 'bulletins.daily']];
/** Re-driven from the database within stuck-after + one interval, plus the routing itself. */
const TICKETS_DEADLINE_MS = 15_000;

/**
 * Redis loses everything twice: stopped and started again without persistence, then FLUSHALL
 * under live connections. Nothing but the database survives: queued jobs, the paused flag, the
 * job schedulers. The worker must declare its schedules again, the reconciler re-drive the
 * lost tickets, and webhooks and timers run again.
 */
describe('Redis loses its data', () => {
  let stack: FaultStack;
  let receiver: TestWebhookReceiver;
  let admin: string;
  let managers: string[];
  const results: Row[] = [];

  beforeAll(async () => {
    stack = await FaultStack.start('redis-loss', ENV);
    receiver = await TestWebhookReceiver.start();
    admin = await stack.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    managers = await Promise.all(ZONE_MANAGERS.map((m) => stack.login(m)));
    await stack.http.expect(201, 'POST', '/api/v1/webhooks', { token: admin, body: { url: receiver.url('/hook'), events: ['ticket.routed'] } });
  }, 120_000);
  afterAll(async () => {
    printTable('Redis data loss: recovery (seconds after Redis answered again, or after the FLUSHALL)', results);
    await receiver?.close();
    await stack?.close();
  });

  /** Lists filed while routing is paused: their jobs sit in Redis, to be lost with it. Answers how many tickets they hold. */
  async function jobsOnlyInRedis(intake: Intake): Promise<number> {
    await stack.queue('routing').pause();
    for (const token of managers) await intake.fileOne(token);
    // One routing job per filed list.
    await waitFor(async () => (await stack.queue('routing').getWaitingCount()) >= managers.length, 10_000, 'the jobs to reach Redis');
    return intake.ticketIds.length;
  }

  async function schedulesMissing(): Promise<string[]> {
    const present = await Promise.all(SCHEDULES.map(async ([queue, id]) => ((await stack.queue(queue).getJobScheduler(id)) ? null : id)));
    return present.filter((id): id is string => id !== null);
  }

  /** After `lostAt`: the schedules back, the lost and the new tickets routed, webhooks delivered, the timers sweep run. */
  async function expectRecovery(what: string, lostAt: number, intake: Intake, lostJobs: number, extra: Row = {}): Promise<Row> {
    let schedulesMs: number | null = null;
    await waitFor(async () => (await schedulesMissing()).length === 0, 30_000, 'the job schedulers to be declared again', 50)
      .then(() => (schedulesMs = Date.now() - lostAt), () => undefined);
    const ledger = await waitAllRouted(stack, intake.ticketIds, 30_000);
    const routedMs = ledger.lastRoutedAt === null ? null : ledger.lastRoutedAt - lostAt;
    const delivered = () => new Set(receiver.at('/hook').map((r) => r.json?.data?.ticketId));
    await waitFor(() => intake.ticketIds.every((id) => delivered().has(id)), 15_000, 'the webhook deliveries', 200).catch(() => undefined);
    const undelivered = intake.ticketIds.filter((id) => !delivered().has(id)).length;
    // The scheduler's first job is created with it; a second means the first one ran.
    await waitFor(async () => ((await stack.queue('timers').getJobScheduler('timers.sweep'))?.iterationCount ?? 0) >= 2, 10_000, 'a timers sweep').catch(() => undefined);
    const sweeps = (await stack.queue('timers').getJobScheduler('timers.sweep'))?.iterationCount ?? 0;
    const row: Row = {
      case: what,
      'schedules back (s)': schedulesMs === null ? null : seconds(schedulesMs),
      'tickets whose job was lost': lostJobs,
      'tickets to route': intake.ticketIds.length,
      'all routed (s)': routedMs === null ? null : seconds(routedMs),
      lost: ledger.lost,
      duplicates: ledger.duplicates,
      'webhooks undelivered': undelivered,
      'timer sweeps since': Math.max(0, sweeps - 1),
      ...extra,
    };
    results.push(row);
    expect(await schedulesMissing()).toEqual([]);
    expect(schedulesMs!).toBeLessThanOrEqual(RECONCILE_INTERVAL_MS + RECONNECT_MS);
    expect(ledger.lost).toBe(0);
    expect(ledger.duplicates).toBe(0);
    expect(routedMs!).toBeLessThanOrEqual(TICKETS_DEADLINE_MS);
    expect(undelivered).toBe(0);
    expect(sweeps).toBeGreaterThanOrEqual(2);
    return row;
  }

  it('stopped and started empty: schedules back at the reconnect, tickets re-driven, intake kept open meanwhile', async () => {
    const intake = new Intake(stack.http, managers);
    const lostJobs = await jobsOnlyInRedis(intake);
    // A digest run needs Redis (it queues the compositions): accounts old enough for last week's digest.
    await stack.sql(`UPDATE app_user SET created_at = created_at - interval '30 days'`);
    const week = lastFinishedWeek(new Date()).id;

    await stack.redis.stop();
    const during: { what: string; answer: Answer }[] = [];
    const stoppedAt = Date.now();
    while (Date.now() - stoppedAt < 4_000) {
      during.push({ what: 'POST /demand-lists', answer: await intake.fileOne(managers[0]) });
      during.push({ what: 'GET /tickets', answer: await stack.http.call('GET', '/api/v1/tickets?limit=5', { token: managers[0] }) });
      during.push({ what: 'POST /digests/runs', answer: await stack.http.call('POST', '/api/v1/digests/runs', { token: admin, body: { week } }) });
      during.push({ what: 'GET /health/ready', answer: await stack.http.call('GET', '/health/ready') });
      await sleep(250);
    }
    await stack.redis.start();
    const back = Date.now();

    const byWhat = (what: string) => during.filter((d) => d.what === what).map((d) => d.answer);
    printTable('Redis stopped: what the API answered meanwhile', ['POST /demand-lists', 'GET /tickets', 'POST /digests/runs', 'GET /health/ready'].map((what) => ({
      request: what,
      answers: tally(byWhat(what).map((a) => `${a.status}${a.code ? ` ${a.code}` : ''}`)),
      'with Retry-After': byWhat(what).filter((a) => a.retryAfter).length,
      'slowest (ms)': Math.max(...byWhat(what).map((a) => a.ms)),
    })));
    const row = await expectRecovery('Redis stopped, started empty', back, intake, lostJobs, { 'outage (s)': seconds(back - stoppedAt) });
    expect(byWhat('POST /demand-lists').every((a) => a.status === 201)).toBe(true);
    expect(byWhat('GET /tickets').every((a) => a.status === 200)).toBe(true);
    expect(byWhat('POST /digests/runs').every((a) => a.status === 503 && a.code === 'REDIS_UNAVAILABLE' && a.retryAfter)).toBe(true);
    expect(byWhat('GET /health/ready').every((a) => a.status === 503)).toBe(true);
    expect(during.every((d) => d.answer.status !== 500 && d.answer.status !== 0)).toBe(true);
    expect(row.lost).toBe(0);
    // The digests planned while Redis was away are composed: the reconciler re-drove them.
    await waitFor(async () => (await stack.sql(`SELECT count(*)::int AS n FROM digest WHERE status = 'planned'`))[0].n === 0, 15_000, 'the planned digests to be composed');
    expect((await stack.http.call('POST', '/api/v1/digests/runs', { token: admin, body: { week } })).status).toBe(202);
  });

  it('FLUSHALL under live connections: the reconciler declares the schedules again within one interval', async () => {
    const intake = new Intake(stack.http, managers);
    const lostJobs = await jobsOnlyInRedis(intake);
    await stack.redis.flushAll();
    await expectRecovery('FLUSHALL', Date.now(), intake, lostJobs);
  });
});
