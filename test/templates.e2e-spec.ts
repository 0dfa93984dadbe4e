import { HttpResponse, TestClock, TestContext } from '@enterpark/testing';

const LOAN = { type: 'finance', title: '对接园区贷融资渠道', description: '园区内 30 家中小企业有融资需求，缺少抵押物，希望对接园区贷产品。', tags: ['园区贷', '融资'] };
const LOAN_AGAIN = { type: 'finance', title: '中小企业园区贷融资需求', description: '园区中小企业缺少抵押物，希望银行提供园区贷融资产品。', tags: ['园区贷'] };
const TRAINING = { type: 'finance', title: '企业上市辅导', description: '两家企业计划科创板上市，需要券商辅导。' };

/**
 * 经验模板 through the API (the worker is off: routing is done by SQL, matches by hand): a
 * closed, well-rated ticket becomes a draft, its owner publishes it, a similar ticket gets it
 * suggested and uses it once; the rule (422), tenancy from the wrong side and bad input.
 */
describe('experience templates (经验模板)', () => {
  let ctx: TestContext;
  const clock = new TestClock(new Date('2026-11-02T09:00:00+08:00'));
  const tokens: Record<string, string> = {};
  let providerId: string;
  const ids: Record<string, string> = {};
  let templateId: string;

  const get = (path: string, token = tokens.coordinator) => ctx.request('GET', `/api/v1${path}`, { token });
  const send = (method: string, path: string, token: string, body: unknown = {}) => ctx.request(method, `/api/v1${path}`, { token, body });
  async function ok(path: string, token: string, body: unknown = {}): Promise<HttpResponse> {
    const res = await send('POST', path, token, body);
    if (res.status !== 200 && res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }

  /** routed → accepted → matched → in service → completed → confirmed with `rating`. */
  async function serveAndClose(id: string, rating: number): Promise<void> {
    await ok(`/tickets/${id}/accept`, tokens.finance, { priority: 'normal' });
    await ok(`/tickets/${id}/match`, tokens.finance, { providerId });
    await ok(`/tickets/${id}/activities`, tokens.finance, { date: '2026-11-03', kind: 'financing_session', notes: '组织银企对接会，走访企业 5 家' });
    await ok(`/tickets/${id}/complete`, tokens.finance, { outcome: '促成园区贷授信 3000 万元' });
    await ok(`/tickets/${id}/confirm`, tokens.manager, { rating, solved: true });
  }

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false, clock });
    tokens.coordinator = await ctx.coordinatorToken();
    const zoneId = (await ctx.newZone({ name: '合肥经开区', city: '合肥市' })).id;
    tokens.manager = (await ctx.newUser('zone_manager', { zoneId })).token;
    tokens.finance = (await ctx.newUser('desk_staff', { desks: ['finance'], name: '王金融' })).token;
    tokens.finance2 = (await ctx.newUser('desk_staff', { desks: ['finance'] })).token;
    tokens.media = (await ctx.newUser('desk_staff', { desks: ['media'] })).token;
    tokens.viewer = (await ctx.newUser('viewer')).token;
    providerId = (await ok('/providers', tokens.coordinator, { name: '徽商银行合肥分行', kind: 'bank', serviceTypes: ['finance'], capacity: 50, cities: ['合肥市'], email: 'loan@hsbank.example.cn' })).body.id;
    const filed = await ok('/demand-lists', tokens.manager, { title: '2026年第四季度需求清单', items: [LOAN, TRAINING, LOAN_AGAIN] });
    [ids.loan, ids.rated3, ids.open] = filed.body.tickets.map((t: { id: string }) => t.id);
    await ctx.sql(`UPDATE ticket SET status = 'routed', desk = type, routed_at = now(), version = version + 1`);
    await serveAndClose(ids.loan, 5);
    await serveAndClose(ids.rated3, 3);
  }, 120_000);
  afterAll(() => ctx?.close());

  it('refuses a ticket that is not closed and rated at least 4, naming the rule (422)', async () => {
    for (const id of [ids.rated3, ids.open]) {
      const res = await send('POST', '/templates', tokens.finance, { fromTicketId: id });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'TEMPLATE_SOURCE_NOT_ELIGIBLE', details: [{ field: 'fromTicketId', rule: 'closedAndWellRated' }] });
    }
  });

  it('refuses the wrong side: another desk 404, a zone manager and a viewer 403', async () => {
    expect((await send('POST', '/templates', tokens.media, { fromTicketId: ids.loan })).status).toBe(404);
    expect((await send('POST', '/templates', tokens.manager, { fromTicketId: ids.loan })).status).toBe(403);
    expect((await send('POST', '/templates', tokens.viewer, { fromTicketId: ids.loan })).status).toBe(403);
    expect((await ctx.sql(`SELECT count(*)::int AS n FROM experience_template`))[0].n).toBe(0);
  });

  it('the desk makes a draft from the ticket: demand, steps, outcome, provider kind and rating; once per ticket', async () => {
    const res = await send('POST', '/templates', tokens.finance, { fromTicketId: ids.loan });
    expect(res.status).toBe(201);
    templateId = res.body.id;
    expect(res.body).toMatchObject({
      sourceTicketId: ids.loan,
      type: 'finance',
      title: LOAN.title,
      outcome: '促成园区贷授信 3000 万元',
      providerKind: 'bank',
      rating: 5,
      status: 'draft',
      ownerName: '王金融',
      usedCount: 0,
      averageRating: null,
      steps: [{ day: '2026-11-03', kind: 'financing_session', notes: '组织银企对接会，走访企业 5 家' }],
    });
    expect(res.body.demand).toContain(LOAN.description);
    expect((await send('POST', '/templates', tokens.coordinator, { fromTicketId: ids.loan })).status).toBe(409);
  });

  it('a draft is its owner’s: others do not see it, nor suggest it; only the owner or a coordinator edits', async () => {
    expect((await get(`/templates/${templateId}`, tokens.finance2)).status).toBe(404);
    expect((await get(`/tickets/${ids.open}/templates`, tokens.finance)).body.items).toEqual([]);
    expect((await send('PATCH', `/templates/${templateId}`, tokens.finance2, { status: 'published' })).status).toBe(404);
    expect((await send('PATCH', `/templates/${templateId}`, tokens.viewer, { status: 'published' })).status).toBe(403);
    const bad = await send('PATCH', `/templates/${templateId}`, tokens.finance, { status: 'public' });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toContainEqual(expect.objectContaining({ field: 'status', rule: 'isIn' }));
    const published = await send('PATCH', `/templates/${templateId}`, tokens.finance, { status: 'published', title: '园区贷融资对接经验' });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', title: '园区贷融资对接经验' });
    expect((await send('PATCH', `/templates/${templateId}`, tokens.finance2, { title: '改名' })).status).toBe(403);
  });

  it('lists by type and text; zone managers get 403', async () => {
    const found = await get('/templates?type=finance&q=园区贷', tokens.finance2);
    expect(found.body).toMatchObject({ items: [{ id: templateId }], nextCursor: null });
    expect((await get('/templates?type=media', tokens.finance2)).body.items).toEqual([]);
    expect((await get('/templates?q=上市', tokens.viewer)).body.items).toEqual([]);
    expect((await get('/templates', tokens.manager)).status).toBe(403);
    expect((await get(`/tickets/${ids.open}/templates`, tokens.manager)).status).toBe(403);
    const bad = await get('/templates?type=tourism');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toContainEqual(expect.objectContaining({ field: 'type' }));
  });

  it('suggests it for a similar ticket; using it is recorded once, with a ticket event; its figures follow the rating', async () => {
    const suggested = await get(`/tickets/${ids.open}/templates`, tokens.finance2);
    expect(suggested.status).toBe(200);
    expect(suggested.body.items[0]).toMatchObject({ template: { id: templateId }, score: expect.any(Number) });
    expect((await get(`/tickets/${ids.open}/templates`, tokens.media)).status).toBe(404);

    const first = await send('POST', `/tickets/${ids.open}/templates/${templateId}/use`, tokens.finance2);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ recorded: true, template: { usedCount: 1, averageRating: null } });
    const again = await send('POST', `/tickets/${ids.open}/templates/${templateId}/use`, tokens.finance2);
    expect(again.body).toMatchObject({ recorded: false, template: { usedCount: 1 } });
    expect((await send('POST', `/tickets/${ids.open}/templates/${templateId}/use`, tokens.media)).status).toBe(404);
    expect((await send('POST', `/tickets/${ids.open}/templates/${templateId}/use`, tokens.viewer)).status).toBe(403);
    const history = (await get(`/tickets/${ids.open}`)).body.history.filter((h: { type: string }) => h.type === 'ticket.template_used');
    expect(history).toEqual([expect.objectContaining({ data: expect.objectContaining({ templateId, templateTitle: '园区贷融资对接经验' }) })]);

    await serveAndClose(ids.open, 4);
    expect((await get(`/templates/${templateId}`)).body).toMatchObject({ usedCount: 1, averageRating: 4 });
  });
});
