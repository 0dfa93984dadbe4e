import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DomainEvent } from '@enterpark/events';
import { deleteRedisKeys, TestClock, TestContext } from '@enterpark/testing';

/** After routing: lost matching and completion jobs, a worker down mid-lifecycle, and redelivered events. */
describe('durable, idempotent matching and completion', () => {
  let ctx: TestContext;
  let manager: string;
  let staff: string;

  beforeAll(async () => {
    ctx = await TestContext.create({ env: { RECONCILE_INTERVAL_MS: '200', RECONCILE_STUCK_AFTER_MS: '500' } });
    const zone = await ctx.newZone();
    manager = (await ctx.newUser('zone_manager', { zoneId: zone.id })).token;
    staff = (await ctx.newUser('desk_staff', { desks: ['finance'] })).token;
    const coordinator = await ctx.coordinatorToken();
    for (let i = 0; i < 3; i++) {
      await ctx.request('POST', '/api/v1/providers', {
        token: coordinator,
        body: { name: `银行 ${i}`, kind: 'bank', serviceTypes: ['finance'], capacity: 50, email: `bank${i}@example.cn` },
      });
    }
  });
  afterAll(() => ctx.close());

  const queue = (name: string) => ctx.api.get<Queue>(getQueueToken(name), { strict: false });
  const post = (path: string, token: string, body: unknown = {}) => ctx.request('POST', `/api/v1${path}`, { token, body });
  const ticket = async (id: string) => (await ctx.sql(`SELECT status, version, provider_id FROM ticket WHERE id = $1`, [id]))[0];
  const eventCount = async (id: string, name: string) =>
    (await ctx.sql(`SELECT count(*)::int AS n FROM event WHERE aggregate_id = $1 AND name = $2`, [id, name]))[0].n as number;

  async function routedTicket(): Promise<string> {
    const res = await post('/demand-lists', manager, { title: '清单', items: [{ type: 'finance', title: '融资对接' }] });
    const id = res.body.tickets[0].id as string;
    await ctx.waitFor(async () => (await ticket(id)).status === 'routed', 10_000, 'routed');
    return id;
  }

  async function lastEvent(id: string, name: string): Promise<DomainEvent> {
    const [e] = await ctx.sql(`SELECT * FROM event WHERE aggregate_id = $1 AND name = $2 ORDER BY seq DESC LIMIT 1`, [id, name]);
    return {
      id: e.id, name: e.name, aggregateType: e.aggregate_type, aggregateId: e.aggregate_id,
      zoneId: e.zone_id, actorId: e.actor_id, payload: e.payload, occurredAt: e.occurred_at.toISOString(),
    };
  }

  it('a matching job lost from Redis is re-driven by the reconciler: the accepted ticket still gets one proposal', async () => {
    const id = await routedTicket();
    await queue('matching').pause();
    await post(`/tickets/${id}/accept`, staff);
    await ctx.waitFor(async () => (await queue('matching').getWaitingCount()) >= 1, 10_000, 'matching job published');
    await queue('matching').obliterate({ force: true });
    await queue('matching').resume();
    expect((await ticket(id)).status).toBe('triaged');
    await ctx.waitFor(async () => (await ticket(id)).status === 'matching', 15_000, 'proposal after re-drive');
    expect(await eventCount(id, 'ticket.match_proposed')).toBe(1);
  });

  it('a completion job lost from Redis is re-driven: the summary and ticket.completed still appear, once', async () => {
    const id = await routedTicket();
    await post(`/tickets/${id}/accept`, staff);
    await ctx.waitFor(async () => (await ticket(id)).status === 'matching', 10_000, 'proposal');
    const [proposal] = await ctx.sql(`SELECT id FROM ticket_match WHERE ticket_id = $1 AND status = 'proposed'`, [id]);
    await post(`/matches/${proposal.id}/accept`, staff);
    await post(`/tickets/${id}/activities`, staff, { date: '2026-11-20', kind: 'visit', notes: '走访' });
    await queue('completion').pause();
    await post(`/tickets/${id}/complete`, staff, { outcome: '已对接' });
    await ctx.waitFor(async () => (await queue('completion').getWaitingCount()) >= 1, 10_000, 'completion job published');
    await queue('completion').obliterate({ force: true });
    await queue('completion').resume();
    await ctx.waitFor(async () => (await eventCount(id, 'ticket.completed')) === 1, 15_000, 'summary after re-drive');
    expect((await ctx.sql(`SELECT count(*)::int AS n FROM ticket_summary WHERE ticket_id = $1`, [id]))[0].n).toBe(1);
  });

  it('what is accepted while the worker is down is matched when it comes back', async () => {
    const id = await routedTicket();
    await ctx.stopWorker();
    expect((await post(`/tickets/${id}/accept`, staff)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect((await ticket(id)).status).toBe('triaged');
    await ctx.startWorker();
    await ctx.waitFor(async () => (await ticket(id)).status === 'matching', 10_000, 'proposal after restart');
  });

  it('redelivered matching and completion events change nothing', async () => {
    const id = await routedTicket();
    await post(`/tickets/${id}/accept`, staff);
    await ctx.waitFor(async () => (await ticket(id)).status === 'matching', 10_000, 'proposal');
    const accepted = await lastEvent(id, 'ticket.accepted');
    await queue('matching').add(accepted.name, accepted, { jobId: `${accepted.id}-again` });

    const [proposal] = await ctx.sql(`SELECT id FROM ticket_match WHERE ticket_id = $1 AND status = 'proposed'`, [id]);
    expect((await post(`/matches/${proposal.id}/accept`, staff)).status).toBe(200);
    await post(`/tickets/${id}/activities`, staff, { date: '2026-11-20', kind: 'visit', notes: '走访' });
    await post(`/tickets/${id}/complete`, staff, { outcome: '已对接' });
    await ctx.waitFor(async () => (await eventCount(id, 'ticket.completed')) === 1, 10_000, 'completed summary');
    const completed = await lastEvent(id, 'ticket.service_completed');
    await queue('completion').add(completed.name, completed, { jobId: `${completed.id}-again-1` });
    await queue('completion').add(completed.name, completed, { jobId: `${completed.id}-again-2` });

    await post(`/tickets/${id}/confirm`, manager, { rating: 4, solved: true });
    await ctx.waitFor(async () => (await eventCount(id, 'ticket.closed')) === 1, 10_000, 'closed summary');
    const confirmed = await lastEvent(id, 'ticket.confirmed');
    await queue('matching').add(confirmed.name, confirmed, { jobId: `${confirmed.id}-again` });
    await queue('completion').add(confirmed.name, confirmed, { jobId: `${confirmed.id}-again` });

    const settled = async () => ({
      matches: await ctx.sql(`SELECT status FROM ticket_match WHERE ticket_id = $1 ORDER BY proposed_at`, [id]),
      proposals: await eventCount(id, 'ticket.match_proposed'),
      completedEvents: await eventCount(id, 'ticket.completed'),
      closedEvents: await eventCount(id, 'ticket.closed'),
      summaries: (await ctx.sql(`SELECT count(*)::int AS n FROM ticket_summary WHERE ticket_id = $1`, [id]))[0].n,
      providers: await ctx.sql(
        `SELECT p.id, p.active_matches, p.rating_count,
                (SELECT count(*)::int FROM ticket_match m WHERE m.provider_id = p.id AND m.status IN ('proposed', 'accepted')) AS open_matches
           FROM service_provider p ORDER BY p.id`,
      ),
      lists: await ctx.sql(`SELECT count(*)::int AS n FROM event WHERE name = 'demand_list.completed'`),
    });
    await ctx.waitFor(async () => (await queue('matching').getJobCounts('waiting', 'active', 'delayed')).waiting === 0, 10_000, 'matching drained');
    await ctx.waitFor(async () => (await queue('completion').getJobCounts('waiting', 'active', 'delayed')).waiting === 0, 10_000, 'completion drained');
    await new Promise((r) => setTimeout(r, 300));
    const state = await settled();
    expect(state).toMatchObject({ matches: [{ status: 'ended' }], proposals: 1, completedEvents: 1, closedEvents: 1, summaries: 2 });
    expect(state.providers.reduce((n: number, p: { rating_count: number }) => n + p.rating_count, 0)).toBe(1);
    for (const p of state.providers) expect(p.active_matches).toBe(p.open_matches);
  });

  it('a notification job lost from Redis is re-driven: the needs-info email is still stored, once', async () => {
    const id = await routedTicket();
    await queue('notifications').pause();
    await post(`/tickets/${id}/request-info`, staff, { question: '请补充企业融资额度' });
    await ctx.waitFor(async () => (await queue('notifications').getWaitingCount()) >= 1, 10_000, 'notification job published');
    await queue('notifications').obliterate({ force: true });
    await queue('notifications').resume();
    const [event] = await ctx.sql(`SELECT id FROM event WHERE aggregate_id = $1 AND name = 'ticket.info_requested'`, [id]);
    const mails = async () => ctx.sql(`SELECT id FROM mail_message WHERE dedupe_key LIKE $1`, [`ticket.info_requested:${event.id}:%`]);
    await ctx.waitFor(async () => (await ctx.sql(`SELECT 1 FROM notification_receipt WHERE event_id = $1`, [event.id])).length === 1, 15_000, 'receipt after re-drive');
    expect(await mails()).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1500)); // several reconciler rounds: a receipt stops further re-drives
    expect(await mails()).toHaveLength(1);
    expect((await ctx.sql(`SELECT published_at FROM event WHERE id = $1`, [event.id]))[0].published_at).not.toBeNull();
  });

  it('an event no email can ever be composed for is recorded with its error and not re-driven again and again', async () => {
    const [event] = await ctx.sql(
      `INSERT INTO event (id, name, aggregate_type, aggregate_id, payload, occurred_at)
       VALUES (gen_random_uuid(), 'ticket.info_requested', 'ticket', gen_random_uuid(), jsonb_build_object('ticketId', gen_random_uuid(), 'zoneId', gen_random_uuid(), 'question', '?'), now() - interval '1 minute')
       RETURNING id`,
    );
    const receipt = await ctx.waitFor(async () => (await ctx.sql(`SELECT messages, error FROM notification_receipt WHERE event_id = $1`, [event.id]))[0], 10_000, 'receipt');
    expect(receipt).toMatchObject({ messages: 0, error: expect.stringContaining('NOTIFICATION') });
    const published = (await ctx.sql(`SELECT published_at FROM event WHERE id = $1`, [event.id]))[0].published_at;
    await new Promise((r) => setTimeout(r, 1500)); // several reconciler rounds
    expect((await ctx.sql(`SELECT published_at FROM event WHERE id = $1`, [event.id]))[0].published_at).toEqual(published);
    expect(queue('notifications').defaultJobOptions.removeOnFail).toBe(true);
  });
});

describe('durable timers: the job scheduler only wakes the sweep; deadlines live in the database', () => {
  let ctx: TestContext;
  let clock: TestClock;

  beforeAll(async () => {
    clock = new TestClock(new Date('2026-11-16T02:00:00Z')); // Monday 10:00 Shanghai
    ctx = await TestContext.create({ clock, env: { TIMER_SWEEP_MS: '200' } });
    const zone = await ctx.newZone();
    const manager = (await ctx.newUser('zone_manager', { zoneId: zone.id })).token;
    await ctx.newUser('desk_staff', { desks: ['media'] });
    for (let i = 0; i < 2; i++) {
      const res = await ctx.request('POST', '/api/v1/demand-lists', { token: manager, body: { title: '清单', items: [{ type: 'media', title: `宣传 ${i}` }] } });
      expect(res.status).toBe(201);
    }
    await ctx.waitFor(async () => (await ctx.sql(`SELECT count(*)::int AS n FROM ticket WHERE status = 'routed'`))[0].n === 2, 10_000, 'routed');
  });
  afterAll(() => ctx.close());

  const breached = async () => (await ctx.sql(`SELECT count(*)::int AS n FROM ticket WHERE sla_breached_at IS NOT NULL`))[0].n as number;

  it('keeps exactly one schedule however often workers boot, and fires without anyone calling the sweep', async () => {
    const timers = ctx.api.get<Queue>(getQueueToken('timers'), { strict: false });
    await ctx.stopWorker();
    await ctx.startWorker(); // a second boot upserts the same schedule
    expect(await timers.getJobSchedulersCount()).toBe(1);
    clock.set('2026-11-19T01:00:00Z'); // past the 2-working-day triage deadline
    await ctx.waitFor(async () => (await breached()) === 2, 10_000, 'breaches from the scheduled sweep');
  });

  it('after Redis loses every key, the next worker boot re-creates the schedule and escalations still come', async () => {
    await ctx.stopWorker();
    await deleteRedisKeys(ctx.config.redisUrl!, ctx.config.queuePrefix);
    clock.set('2026-11-20T02:00:00Z'); // past the escalation time (end of the next working day)
    await ctx.startWorker();
    await ctx.waitFor(
      async () => (await ctx.sql(`SELECT count(*)::int AS n FROM ticket WHERE sla_escalated_at IS NOT NULL`))[0].n === 2,
      10_000,
      'escalations after the Redis loss',
    );
    const events = await ctx.sql(`SELECT name, count(*)::int AS n FROM event WHERE name LIKE 'ticket.sla_%' GROUP BY name ORDER BY name`);
    expect(events).toEqual([
      { name: 'ticket.sla_breached', n: 2 },
      { name: 'ticket.sla_escalated', n: 2 },
    ]);
  });
});
