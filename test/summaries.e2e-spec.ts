import { Job } from 'bullmq';
import { Client } from 'pg';
import { DomainEvent } from '@enterpark/events';
import { COMPLETION_EVENTS, CompletionService } from '@enterpark/summaries';
import { HttpResponse, TestClock, TestContext } from '@enterpark/testing';
import { CompletionProcessor } from '../apps/worker/src/completion/completion.processor';

/**
 * Completion summaries and list completion, driven through the real lifecycle routes.
 * The completion queue is played by hand: each event the relay would deliver is handed to
 * the real CompletionProcessor, once, twice, or concurrently, so that redelivery and races
 * are exercised exactly rather than by chance. (The worker-driven flow is in lifecycle-flow.)
 */
describe('completion summaries', () => {
  const clock = new TestClock(new Date('2026-11-02T09:00:00+08:00'));
  let ctx: TestContext;
  let processor: CompletionProcessor;
  let zoneA: string;
  let providerId: string;
  const tokens = {} as Record<'managerA' | 'managerB' | 'staff' | 'media' | 'viewer' | 'coordinator', string>;
  let staffId: string;
  const delivered = new Set<string>();

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false, clock });
    processor = new CompletionProcessor(ctx.api.get(CompletionService));
    zoneA = (await ctx.newZone({ name: '合肥经开区' })).id;
    const zoneB = (await ctx.newZone({ name: '芜湖经开区', city: '芜湖市' })).id;
    tokens.managerA = (await ctx.newUser('zone_manager', { zoneId: zoneA })).token;
    tokens.managerB = (await ctx.newUser('zone_manager', { zoneId: zoneB })).token;
    const staff = await ctx.newUser('desk_staff', { desks: ['finance', 'training'], name: '王金融' });
    tokens.staff = staff.token;
    staffId = staff.user.id;
    tokens.media = (await ctx.newUser('desk_staff', { desks: ['media'] })).token;
    tokens.viewer = (await ctx.newUser('viewer')).token;
    tokens.coordinator = await ctx.coordinatorToken();
    const provider = await ctx.request('POST', '/api/v1/providers', {
      token: tokens.coordinator,
      body: { name: '徽商银行合肥分行', kind: 'bank', serviceTypes: ['finance', 'training'], capacity: 50, cities: ['合肥市'], email: 'loan@hsbank.example.cn' },
    });
    providerId = provider.body.id;
  });
  afterAll(() => ctx.close());

  const at = (local: string) => clock.set(`${local}+08:00`);
  const get = (path: string, token = tokens.coordinator) => ctx.request('GET', `/api/v1${path}`, { token });
  async function post(path: string, token: string, body: unknown = {}): Promise<HttpResponse> {
    const res = await ctx.request('POST', `/api/v1${path}`, { token, body });
    if (res.status !== 200 && res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }

  async function fileList(titles: [string, string][]): Promise<{ listId: string; ids: string[] }> {
    const items = titles.map(([type, title]) => ({ type, title }));
    const res = await post('/demand-lists', tokens.managerA, { title: '2026年第四季度需求清单', period: '2026-Q4', items });
    return { listId: res.body.id, ids: res.body.tickets.map((t: { id: string }) => t.id) };
  }

  /** The worker is off (this file delivers the completion events itself), so routing is done here as the routing worker would leave it. */
  async function route(ids: string[], local: string): Promise<void> {
    await ctx.sql(
      `UPDATE ticket SET status = 'routed', desk = type, routed_at = $2, updated_at = $2, version = version + 1 WHERE id = ANY ($1::uuid[])`,
      [ids, new Date(`${local}+08:00`)],
    );
  }

  /** A manual match by the desk (matching's own worker does not run here, so nothing is proposed first). */
  async function match(id: string, local: string): Promise<void> {
    at(local);
    await post(`/tickets/${id}/match`, tokens.staff, { providerId });
  }

  /** filed → routed → accepted → matched → in service → completed, on the given days. */
  async function serveToCompleted(id: string, days = { accept: '2026-11-02T11:30:00', match: '2026-11-03T11:30:00', visit: '2026-11-04T10:00:00', complete: '2026-11-06T11:30:00' }) {
    at(days.accept);
    await post(`/tickets/${id}/accept`, tokens.staff, { priority: 'high' });
    await match(id, days.match);
    at(days.visit);
    await post(`/tickets/${id}/activities`, tokens.staff, { date: days.visit.slice(0, 10), kind: 'financing_session', notes: '组织银企对接会，走访企业 5 家' });
    at(days.complete);
    await post(`/tickets/${id}/complete`, tokens.staff, { outcome: '促成园区贷授信 3000 万元' });
  }

  function toEvent(r: any): DomainEvent {
    return {
      id: r.id,
      name: r.name,
      aggregateType: r.aggregate_type,
      aggregateId: r.aggregate_id,
      zoneId: r.zone_id,
      actorId: r.actor_id,
      payload: r.payload,
      occurredAt: new Date(r.occurred_at).toISOString(),
    };
  }

  /** The completion queue's events of these aggregates (or all), in log order. */
  async function completionEvents(aggregateIds?: string[]): Promise<DomainEvent[]> {
    const rows = await ctx.sql(
      `SELECT * FROM event WHERE name = ANY ($1::text[]) AND ($2::uuid[] IS NULL OR aggregate_id = ANY ($2::uuid[])) ORDER BY seq`,
      [COMPLETION_EVENTS, aggregateIds ?? null],
    );
    return rows.map(toEvent);
  }

  const process = (event: DomainEvent) => processor.process({ name: event.name, data: event } as Job<DomainEvent>);

  /** What the relay and the completion worker would do next: every new completion event, in order. */
  async function deliver(): Promise<void> {
    for (const event of await completionEvents()) {
      if (delivered.has(event.id)) continue;
      await process(event);
      delivered.add(event.id);
    }
  }

  const eventsNamed = (name: string, aggregateId: string) =>
    ctx.sql(`SELECT payload FROM event WHERE name = $1 AND aggregate_id = $2 ORDER BY seq`, [name, aggregateId]);

  it('writes the completed summary at completion and the closed one at the solved confirmation, each with its event once', async () => {
    at('2026-11-02T09:00:00');
    const { listId, ids } = await fileList([['finance', '对接园区贷融资渠道'], ['training', '企业管理培训']]);
    const [loan, training] = ids;
    await route(ids, '2026-11-02T09:30:00');
    await serveToCompleted(loan);
    expect((await get(`/tickets/${loan}/summary`, tokens.managerA)).body).toMatchObject({ statusCode: 404, code: 'SUMMARY_NOT_READY' });

    await deliver();
    const completed = await get(`/tickets/${loan}/summary`, tokens.managerA);
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({
      kind: 'completed',
      round: 1,
      summary: {
        ticketId: loan,
        demandListId: listId,
        zone: { id: zoneA, name: '合肥经开区' },
        type: 'finance',
        desk: 'finance',
        assignee: { id: staffId, name: '王金融' },
        provider: { id: providerId, name: '徽商银行合肥分行' },
        outcome: '促成园区贷授信 3000 万元',
        activities: 1,
        rating: null,
        solved: null,
        timeline: { filedAt: '2026-11-02T01:00:00.000Z', completedAt: '2026-11-06T03:30:00.000Z', closedAt: null },
      },
    });
    expect(completed.body.summary.durations).toEqual({
      toRoute: { workingDays: 0.02, hours: 0.5 },
      toAccept: { workingDays: 0.08, hours: 2 },
      toMatch: { workingDays: 1, hours: 24 },
      toComplete: { workingDays: 3, hours: 72 },
      toClose: null,
      total: { workingDays: 4.1, hours: 98.5 },
    });
    const completedEvents = await eventsNamed('ticket.completed', loan);
    expect(completedEvents).toEqual([{ payload: { ticketId: loan, zoneId: zoneA, summary: completed.body.summary } }]);

    at('2026-11-09T11:30:00');
    await post(`/tickets/${loan}/confirm`, tokens.managerA, { rating: 5, solved: true, comment: '服务很好' });
    await deliver();
    const closed = await get(`/tickets/${loan}/summary`, tokens.managerA);
    expect(closed.body).toMatchObject({ kind: 'closed', round: 1, summary: { rating: 5, solved: true, timeline: { closedAt: '2026-11-09T03:30:00.000Z' } } });
    expect(closed.body.summary.durations).toMatchObject({ toClose: { workingDays: 1, hours: 72 }, total: { workingDays: 5.1, hours: 170.5 } });
    expect(await eventsNamed('ticket.closed', loan)).toEqual([{ payload: { ticketId: loan, zoneId: zoneA, demandListId: listId, summary: closed.body.summary } }]);

    // One ticket is still open: the list is not complete.
    expect((await get(`/demand-lists/${listId}/summary`, tokens.managerA)).body).toMatchObject({ statusCode: 404, code: 'SUMMARY_NOT_READY' });

    // Every event delivered again: nothing changes.
    const before = await ctx.rowCounts();
    for (const event of await completionEvents([loan, listId])) await process(event);
    expect(await ctx.rowCounts()).toEqual(before);

    at('2026-11-10T09:00:00');
    await post(`/tickets/${training}/reject`, tokens.staff, { reason: '不属于本服务台受理范围' });
    await deliver();
    const list = await get(`/demand-lists/${listId}/summary`, tokens.managerA);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      createdAt: '2026-11-10T01:00:00.000Z',
      summary: {
        demandListId: listId,
        zone: { id: zoneA, name: '合肥经开区' },
        title: '2026年第四季度需求清单',
        filedAt: '2026-11-02T01:00:00.000Z',
        completedAt: '2026-11-10T01:00:00.000Z',
        tickets: 2,
        byType: { finance: 1, training: 1 },
        byOutcome: { closed: 1, rejected: 1, cancelled: 0 },
        workingDaysToMatch: { median: 1, worst: 1 },
        workingDaysToComplete: { median: 3, worst: 3 },
        averageRating: 5,
        ratedTickets: 1,
        slaBreachedTickets: 0,
      },
    });
    expect(await eventsNamed('demand_list.completed', listId)).toEqual([{ payload: { demandListId: listId, zoneId: zoneA, summary: list.body.summary } }]);
    const [row] = await ctx.sql(`SELECT status, completed_at FROM demand_list WHERE id = $1`, [listId]);
    expect(row).toEqual({ status: 'completed', completed_at: new Date('2026-11-10T01:00:00.000Z') });
  });

  it('summarizes a completed round as it was, even when its event is consumed after the zone reopened the ticket', async () => {
    at('2026-11-02T09:00:00');
    const { ids } = await fileList([['finance', '产业基金对接']]);
    const [id] = ids;
    await route(ids, '2026-11-02T09:30:00');
    await serveToCompleted(id);
    at('2026-11-09T10:00:00');
    const reopened = await post(`/tickets/${id}/confirm`, tokens.managerA, { rating: 2, solved: false, comment: '授信额度不足' });
    expect(reopened.body).toMatchObject({ status: 'in_service', round: 2 });

    await deliver(); // round 1's completion, only now, and the unsolved confirmation
    const round1 = await get(`/tickets/${id}/summary`, tokens.managerA);
    expect(round1.body).toMatchObject({
      kind: 'completed',
      round: 1,
      summary: { round: 1, rating: null, solved: null, timeline: { completedAt: '2026-11-06T03:30:00.000Z', closedAt: null } },
    });
    expect(await eventsNamed('ticket.closed', id)).toEqual([]);

    at('2026-11-11T10:00:00');
    await post(`/tickets/${id}/complete`, tokens.staff, { outcome: '追加授信 2000 万元' });
    await deliver();
    expect((await get(`/tickets/${id}/summary`, tokens.managerA)).body).toMatchObject({
      kind: 'completed',
      round: 2,
      summary: { round: 2, outcome: '追加授信 2000 万元', timeline: { completedAt: '2026-11-11T02:00:00.000Z' } },
    });
    const rows = await ctx.sql(`SELECT kind, round FROM ticket_summary WHERE ticket_id = $1 ORDER BY round, kind`, [id]);
    expect(rows).toEqual([{ kind: 'completed', round: 1 }, { kind: 'completed', round: 2 }]);
  });

  it('completes a list exactly once when its last two tickets close together and every job is delivered twice at once', async () => {
    at('2026-11-02T09:00:00');
    const { listId, ids } = await fileList([['finance', '园区贷'], ['training', '政策培训']]);
    await route(ids, '2026-11-02T09:30:00');
    for (const id of ids) await serveToCompleted(id);
    await deliver();

    at('2026-11-09T11:30:00');
    await Promise.all([
      post(`/tickets/${ids[0]}/confirm`, tokens.managerA, { rating: 4, solved: true }),
      post(`/tickets/${ids[1]}/confirm`, tokens.managerA, { rating: 5, solved: true }),
    ]);
    const events = (await completionEvents(ids)).filter((e) => !delivered.has(e.id));
    expect(events.map((e) => e.name)).toEqual(['ticket.confirmed', 'ticket.confirmed']);
    await Promise.all([...events, ...events, ...events].map(process));
    events.forEach((e) => delivered.add(e.id));

    expect(await eventsNamed('demand_list.completed', listId)).toHaveLength(1);
    for (const id of ids) expect(await eventsNamed('ticket.closed', id)).toHaveLength(1);
    expect(await ctx.sql(`SELECT count(*)::int AS n FROM demand_list_summary WHERE demand_list_id = $1`, [listId])).toEqual([{ n: 1 }]);
    const list = await get(`/demand-lists/${listId}/summary`, tokens.managerA);
    expect(list.body.summary).toMatchObject({ byOutcome: { closed: 2, rejected: 0, cancelled: 0 }, averageRating: 4.5, ratedTickets: 2 });
  });

  it('never leaves a list open: a job that runs before the other last ticket commits leaves it to that ticket\'s job', async () => {
    at('2026-11-12T09:00:00');
    const { listId, ids } = await fileList([['finance', '融资担保'], ['training', '园区党建培训']]);
    const [rejected, cancelled] = ids;
    await route(ids, '2026-11-12T09:30:00');
    await post(`/tickets/${rejected}/reject`, tokens.staff, { reason: '重复提交' });

    // The zone's cancellation of the other ticket is in flight: written, not yet committed.
    const other = new Client({ connectionString: ctx.config.databaseUrl });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(`UPDATE ticket SET status = 'cancelled', closed_at = now(), version = version + 1 WHERE id = $1`, [cancelled]);
      await other.query(
        `INSERT INTO event (id, name, aggregate_type, aggregate_id, zone_id, actor_id, payload, occurred_at)
         VALUES (gen_random_uuid(), 'ticket.cancelled', 'ticket', $1, $2, NULL, $3, now())`,
        [cancelled, zoneA, { ticketId: cancelled, zoneId: zoneA, demandListId: listId, reason: '需求已自行解决' }],
      );
      await deliver(); // the rejection's job sees the other ticket still open
      expect((await ctx.sql(`SELECT status FROM demand_list WHERE id = $1`, [listId]))[0].status).toBe('open');
      await other.query('COMMIT');
    } finally {
      await other.end();
    }
    await deliver(); // the cancellation's job completes the list
    expect((await ctx.sql(`SELECT status FROM demand_list WHERE id = $1`, [listId]))[0].status).toBe('completed');
    const [completed] = await eventsNamed('demand_list.completed', listId);
    expect(completed.payload.summary).toMatchObject({ tickets: 2, byOutcome: { closed: 0, rejected: 1, cancelled: 1 }, averageRating: null });
  });

  it('waits on the list lock: concurrent completions of one list take turns and only the first completes it', async () => {
    at('2026-11-13T09:00:00');
    const { listId, ids } = await fileList([['finance', '上市辅导'], ['training', '外贸培训']]);
    await route(ids, '2026-11-13T09:30:00');
    await Promise.all([
      post(`/tickets/${ids[0]}/reject`, tokens.staff, { reason: '不属于受理范围' }),
      post(`/tickets/${ids[1]}/cancel`, tokens.managerA, { reason: '需求取消' }),
    ]);
    const events = (await completionEvents(ids)).filter((e) => !delivered.has(e.id));
    expect(events).toHaveLength(2);

    const holder = new Client({ connectionString: ctx.config.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM demand_list WHERE id = $1 FOR UPDATE`, [listId]);
      let finished = 0;
      const jobs = Promise.all([...events, ...events].map((e) => process(e).then(() => finished++)));
      const waiting = await ctx.waitFor(async () => {
        const rows = await ctx.sql(
          `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND locktype IN ('transactionid', 'tuple') AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        );
        return rows[0].n >= 1 ? rows[0].n : null;
      }, 5_000, 'completion jobs blocked on the list lock');
      expect(waiting).toBeGreaterThanOrEqual(1);
      expect(finished).toBe(0);
      await holder.query('COMMIT');
      await jobs;
    } finally {
      await holder.end();
    }
    events.forEach((e) => delivered.add(e.id));
    expect(await eventsNamed('demand_list.completed', listId)).toHaveLength(1);
    expect((await get(`/demand-lists/${listId}/summary`, tokens.managerA)).body.summary).toMatchObject({ byOutcome: { closed: 0, rejected: 1, cancelled: 1 } });
  });

  describe('tenancy of the summary routes', () => {
    let ticketId: string;
    let listId: string;

    beforeAll(async () => {
      at('2026-11-16T09:00:00');
      const filed = await fileList([['finance', '园区贷二期']]);
      [ticketId] = filed.ids;
      listId = filed.listId;
      await route(filed.ids, '2026-11-16T09:30:00');
      await serveToCompleted(ticketId, { accept: '2026-11-16T10:00:00', match: '2026-11-16T11:00:00', visit: '2026-11-17T10:00:00', complete: '2026-11-18T10:00:00' });
      at('2026-11-18T15:00:00');
      await post(`/tickets/${ticketId}/confirm`, tokens.managerA, { rating: 4, solved: true });
      await deliver();
    });

    it.each(['managerA', 'staff', 'viewer', 'coordinator'] as const)('shows both summaries to %s', async (who) => {
      expect((await get(`/tickets/${ticketId}/summary`, tokens[who])).status).toBe(200);
      expect((await get(`/demand-lists/${listId}/summary`, tokens[who])).status).toBe(200);
    });

    it.each(['managerB', 'media'] as const)('answers 404 to %s, exactly as for the ticket and the list themselves', async (who) => {
      const ticket = await get(`/tickets/${ticketId}/summary`, tokens[who]);
      const list = await get(`/demand-lists/${listId}/summary`, tokens[who]);
      expect(ticket.body).toMatchObject({ statusCode: 404, code: (await get(`/tickets/${ticketId}`, tokens[who])).body.code });
      expect(list.body).toMatchObject({ statusCode: 404, code: (await get(`/demand-lists/${listId}`, tokens[who])).body.code });
      expect(JSON.stringify([ticket.body, list.body])).not.toContain('园区贷二期');
    });

    it.each([
      ['an unknown id', '00000000-0000-4000-8000-000000000000'],
      ['a malformed id', 'not-a-uuid'],
    ])('answers 404 for %s', async (_, id) => {
      expect((await get(`/tickets/${id}/summary`)).status).toBe(404);
      expect((await get(`/demand-lists/${id}/summary`)).status).toBe(404);
    });

    it('answers 401 without a token', async () => {
      expect((await ctx.request('GET', `/api/v1/tickets/${ticketId}/summary`)).status).toBe(401);
    });
  });
});
