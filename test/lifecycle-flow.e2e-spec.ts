import { TestContext } from '@enterpark/testing';

/**
 * A zone's demand from filing to `closed`, through every stage, over HTTP with the real
 * worker: routing, triage, one-to-one matching, service, completion, confirmation and
 * both completion summaries.
 */
describe('the full lifecycle: filed → routed → accepted → matched → in service → completed → closed', () => {
  let ctx: TestContext;
  let manager: string;
  let coordinator: string;
  let staff: string;
  let zoneId: string;
  let providerId: string;

  beforeAll(async () => {
    ctx = await TestContext.create();
    zoneId = (await ctx.newZone({ name: '合肥经开区', city: '合肥市' })).id;
    manager = (await ctx.newUser('zone_manager', { zoneId })).token;
    staff = (await ctx.newUser('desk_staff', { desks: ['finance', 'training'] })).token;
    coordinator = await ctx.coordinatorToken();
    for (const [name, cities, tags] of [
      ['徽商银行合肥分行', ['合肥市'], ['园区贷', '融资']],
      ['兴业银行芜湖分行', ['芜湖市'], ['融资']],
    ] as const) {
      const res = await ctx.request('POST', '/api/v1/providers', {
        token: coordinator,
        body: { name, kind: 'bank', serviceTypes: ['finance'], capacity: 5, cities, tags, email: `${cities[0]}@bank.example.cn` },
      });
      expect(res.status).toBe(201);
      if (name === '徽商银行合肥分行') providerId = res.body.id;
    }
    await ctx.request('POST', '/api/v1/providers', {
      token: coordinator,
      body: { name: '安徽大学培训中心', kind: 'trainer', serviceTypes: ['training'], capacity: 5, cities: ['合肥市'], tags: ['培训'], email: 'train@ahu.example.cn' },
    });
  });
  afterAll(() => ctx.close());

  const get = (path: string, token = coordinator) => ctx.request('GET', `/api/v1${path}`, { token });
  const post = (path: string, token: string, body: unknown = {}) => ctx.request('POST', `/api/v1${path}`, { token, body });

  async function waitStatus(id: string, status: string) {
    return ctx.waitFor(async () => {
      const t = await get(`/tickets/${id}`);
      return t.body.status === status ? t.body : null;
    }, 10_000, `ticket ${status}`);
  }

  /** Files a list, accepts each ticket and lets the provider accept its proposal: the tickets end up `matched`. */
  async function matchedList(items: { type: string; title: string; tags?: string[] }[]) {
    const filed = await post('/demand-lists', manager, { title: '2026 年第四季度需求清单', period: '2026-Q4', items });
    expect(filed.status).toBe(201);
    const ids: string[] = filed.body.tickets.map((t: { id: string }) => t.id);
    for (const id of ids) {
      await waitStatus(id, 'routed');
      expect((await post(`/tickets/${id}/accept`, staff, { priority: 'high' })).status).toBe(200);
      const proposal = await ctx.waitFor(async () => {
        const m = await get(`/tickets/${id}/matches`, staff);
        return m.body.items?.find((x: { status: string }) => x.status === 'proposed');
      }, 10_000, 'a proposal');
      expect((await post(`/matches/${proposal.id}/accept`, staff)).status).toBe(200);
    }
    return { listId: filed.body.id as string, ids };
  }

  async function serveAndComplete(id: string) {
    const visited = await post(`/tickets/${id}/activities`, staff, { date: '2026-11-20', kind: 'financing_session', notes: '组织银企对接会，走访企业 5 家' });
    expect(visited.body.status).toBe('in_service');
    const completed = await post(`/tickets/${id}/complete`, staff, { outcome: '促成园区贷授信 3000 万元' });
    expect(completed.body.status).toBe('completed');
  }

  it('walks one list to completion with both summaries and every event in the history', async () => {
    const { listId, ids } = await matchedList([
      { type: 'finance', title: '对接园区贷融资渠道', tags: ['园区贷'] },
      { type: 'training', title: '企业管理培训' },
    ]);
    const [loan, training] = ids;
    expect((await get(`/tickets/${loan}`)).body).toMatchObject({ status: 'matched', providerId });

    await serveAndComplete(loan);
    const activities = await get(`/tickets/${loan}/activities`, manager);
    expect(activities.body.items).toEqual([expect.objectContaining({ date: '2026-11-20', kind: 'financing_session', notes: '组织银企对接会，走访企业 5 家' })]);
    expect((await get(`/tickets/${loan}/activities`, (await ctx.newUser('zone_manager', { zoneId: (await ctx.newZone()).id })).token)).status).toBe(404);
    const completedSummary = await ctx.waitFor(async () => {
      const s = await get(`/tickets/${loan}/summary`, manager);
      return s.status === 200 ? s.body : null;
    }, 10_000, 'completed summary');
    expect(completedSummary).toMatchObject({ kind: 'completed', summary: { ticketId: loan, type: 'finance', outcome: '促成园区贷授信 3000 万元', activities: 1 } });

    const closed = await post(`/tickets/${loan}/confirm`, manager, { rating: 5, solved: true, comment: '服务很好' });
    expect(closed.body).toMatchObject({ status: 'closed', rating: 5, allowedActions: [] });
    const closedSummary = await ctx.waitFor(async () => {
      const s = await get(`/tickets/${loan}/summary`, manager);
      return s.body?.kind === 'closed' ? s.body : null;
    }, 10_000, 'closed summary');
    expect(closedSummary.summary).toMatchObject({
      zone: { id: zoneId, name: '合肥经开区' },
      provider: { id: providerId, name: '徽商银行合肥分行' },
      rating: 5,
      solved: true,
      slaBreached: false,
    });
    for (const stage of ['toRoute', 'toAccept', 'toMatch', 'toComplete', 'toClose', 'total']) {
      expect(closedSummary.summary.durations[stage]).toEqual({ workingDays: expect.any(Number), hours: expect.any(Number) });
    }
    // The provider is free again and its rating counts.
    const [provider] = await ctx.sql(`SELECT active_matches, rating_sum, rating_count FROM service_provider WHERE id = $1`, [providerId]);
    expect(provider).toEqual({ active_matches: 0, rating_sum: 5, rating_count: 1 });

    // The list is not complete while one ticket is open.
    expect((await get(`/demand-lists/${listId}/summary`, manager)).status).toBe(404);
    await serveAndComplete(training);
    await post(`/tickets/${training}/confirm`, manager, { rating: 4, solved: true });
    const listSummary = await ctx.waitFor(async () => {
      const s = await get(`/demand-lists/${listId}/summary`, manager);
      return s.status === 200 ? s.body : null;
    }, 10_000, 'list summary');
    expect(listSummary.summary ?? listSummary).toMatchObject({ tickets: 2, byOutcome: { closed: 2, rejected: 0, cancelled: 0 }, averageRating: 4.5 });
    expect((await get(`/demand-lists/${listId}`, manager)).body.status).toBe('completed');

    const history = (await get(`/tickets/${loan}`)).body.history.map((h: { type: string }) => h.type);
    expect(history).toEqual([
      'ticket.submitted',
      'ticket.routed',
      'ticket.accepted',
      'ticket.match_proposed',
      'ticket.matched',
      'ticket.activity_recorded',
      'ticket.service_completed',
      'ticket.completed',
      'ticket.confirmed',
      'ticket.closed',
    ]);
    const listEvents = await ctx.sql(`SELECT name FROM event WHERE aggregate_id = $1 ORDER BY seq`, [listId]);
    expect(listEvents.map((e) => e.name)).toEqual(['demand_list.filed', 'demand_list.completed']);
  });

  it('an unsolved confirmation reopens the ticket; the next completion and close get their own summaries', async () => {
    const { ids } = await matchedList([{ type: 'finance', title: '产业基金对接', tags: ['融资'] }]);
    const [id] = ids;
    await serveAndComplete(id);
    const reopened = await post(`/tickets/${id}/confirm`, manager, { rating: 2, solved: false, comment: '授信额度不足，需继续对接' });
    expect(reopened.body).toMatchObject({ status: 'in_service', round: 2 });
    const reason = (await get(`/tickets/${id}`)).body.history.find((h: { type: string }) => h.type === 'ticket.reopened');
    expect(reason.data).toMatchObject({ reason: '授信额度不足，需继续对接', round: 2 });
    // Still matched to the same provider, still counted against its capacity.
    const [provider] = await ctx.sql(`SELECT p.active_matches FROM service_provider p JOIN ticket t ON t.provider_id = p.id WHERE t.id = $1`, [id]);
    expect(provider.active_matches).toBeGreaterThan(0);
    expect((await post(`/tickets/${id}/complete`, staff, { outcome: '追加授信 2000 万元' })).body.status).toBe('completed');
    await post(`/tickets/${id}/confirm`, manager, { rating: 5, solved: true });
    const summary = await ctx.waitFor(async () => {
      const s = await get(`/tickets/${id}/summary`, manager);
      return s.body?.kind === 'closed' ? s.body : null;
    }, 10_000, 'closed summary of round 2');
    expect(summary).toMatchObject({ round: 2, summary: { round: 2, outcome: '追加授信 2000 万元', rating: 5 } });
    const rows = await ctx.sql(`SELECT kind, round FROM ticket_summary WHERE ticket_id = $1 ORDER BY round, kind`, [id]);
    expect(rows).toEqual([
      { kind: 'completed', round: 1 },
      { kind: 'closed', round: 2 },
      { kind: 'completed', round: 2 },
    ]);
  });
});
