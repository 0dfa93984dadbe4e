import { HttpResponse, readTestWorkbook, TestClock, TestContext } from '@enterpark/testing';
import { TimersProcessor } from '../apps/worker/src/timers/timers.processor';

const at = (local: string) => new Date(`${local}+08:00`);

/**
 * League tables over November 2026, every ticket driven through the API on a test clock:
 * 合肥 (national) files four; one is served within its deadlines and rated 5, one is accepted
 * after its triage deadline and rated 3, one is returned by the desk, one is cancelled. 芜湖 and
 * 太和 (provincial) file one each and nothing happens to them (a tie); 当涂 files nothing.
 */
describe('GET /rankings', () => {
  const clock = new TestClock(at('2026-11-02T09:00:00')); // Monday
  let ctx: TestContext;
  const tokens = {} as Record<'hefei' | 'wuhu' | 'taihe' | 'finance' | 'media' | 'coordinator' | 'viewer', string>;
  const zones = {} as Record<'hefei' | 'wuhu' | 'taihe' | 'dangtu', string>;
  let providerId: string;
  let served: string, late: string, returned: string, cancelled: string;

  const get = (path: string, token = tokens.viewer) => ctx.request('GET', `/api/v1${path}`, { token });
  async function send(method: 'POST' | 'PUT', path: string, token: string, body: unknown = {}): Promise<HttpResponse> {
    const res = await ctx.request(method, `/api/v1${path}`, { token, body });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }
  const post = (path: string, token: string, body: unknown = {}) => send('POST', path, token, body);
  const waitStatus = (id: string, status: string) => ctx.waitFor(async () => (await get(`/tickets/${id}`, tokens.coordinator)).body.status === status, 10_000, `${id} ${status}`);

  async function matchAndServe(id: string, completeAt: string): Promise<void> {
    const proposal = await ctx.waitFor(async () => (await get(`/tickets/${id}/matches`, tokens.finance)).body.items.find((m: { status: string }) => m.status === 'proposed'));
    await post(`/matches/${proposal.id}/accept`, tokens.finance);
    clock.set(at(completeAt));
    await post(`/tickets/${id}/activities`, tokens.finance, { date: completeAt.slice(0, 10), kind: 'visit', notes: '走访' });
    await post(`/tickets/${id}/complete`, tokens.finance, { outcome: '已办结' });
  }

  beforeAll(async () => {
    // Sweeps run by hand after moving the clock; the periodic one would race them (SKIP LOCKED).
    ctx = await TestContext.create({ clock, env: { TIMER_SWEEP_MS: '3600000' } });
    zones.hefei = (await ctx.newZone({ name: '合肥经开区', level: 'national' })).id;
    zones.wuhu = (await ctx.newZone({ name: '芜湖经开区', level: 'provincial', city: '芜湖市' })).id;
    zones.taihe = (await ctx.newZone({ name: '太和经开区', level: 'provincial', city: '阜阳市' })).id;
    zones.dangtu = (await ctx.newZone({ name: '当涂经开区', level: 'provincial', city: '马鞍山市' })).id;
    for (const z of ['hefei', 'wuhu', 'taihe'] as const) tokens[z] = (await ctx.newUser('zone_manager', { zoneId: zones[z] })).token;
    tokens.finance = (await ctx.newUser('desk_staff', { desks: ['finance'] })).token;
    tokens.media = (await ctx.newUser('desk_staff', { desks: ['media'] })).token;
    tokens.viewer = (await ctx.newUser('viewer')).token;
    tokens.coordinator = await ctx.coordinatorToken();
    providerId = (await post('/providers', tokens.coordinator, { name: '徽商银行合肥分行', kind: 'bank', serviceTypes: ['finance'], capacity: 5, email: 'loans@hsbank.example.cn' })).body.id;

    const list = await post('/demand-lists', tokens.hefei, {
      title: '合肥清单',
      items: [{ type: 'finance', title: '园区贷' }, { type: 'finance', title: '产业基金' }, { type: 'finance', title: '误分' }, { type: 'media', title: '宣传片' }],
    });
    [served, late, returned, cancelled] = list.body.tickets.map((t: { id: string }) => t.id);
    const others = [];
    for (const z of ['wuhu', 'taihe'] as const) others.push((await post('/demand-lists', tokens[z], { title: '清单', items: [{ type: 'finance', title: '融资' }] })).body.tickets[0].id);
    for (const id of [served, late, returned, cancelled, ...others]) await waitStatus(id, 'routed');

    await post(`/tickets/${cancelled}/cancel`, tokens.hefei, { reason: '不再需要' });
    await post(`/tickets/${returned}/return`, tokens.finance, { reason: '不属于金融服务' });
    await post(`/tickets/${served}/accept`, tokens.finance);
    await matchAndServe(served, '2026-11-04T09:00:00'); // 2 working days after submission
    // Thursday: the triage deadline (Tuesday 24:00) has passed for the others.
    clock.set(at('2026-11-05T10:00:00'));
    await ctx.worker!.get(TimersProcessor).sweepOnce();
    await ctx.waitFor(async () => (await ctx.sql(`SELECT 1 FROM ticket WHERE id = $1 AND sla_breaches > 0`, [late])).length > 0);
    await post(`/tickets/${late}/accept`, tokens.finance);
    await matchAndServe(late, '2026-11-06T09:00:00'); // 4 working days
    clock.set(at('2026-11-09T09:00:00'));
    await post(`/tickets/${served}/confirm`, tokens.hefei, { rating: 5, solved: true });
    await post(`/tickets/${late}/confirm`, tokens.hefei, { rating: 3, solved: true });
    clock.set(at('2026-12-01T10:00:00'));
  });
  afterAll(() => ctx.close());

  const unranked = { submitted: 0, completed: 0, completionRate: null, onTimeRate: null, satisfactionRate: null, returnRate: null, avgWorkingDays: null, score: null, rank: null };

  it('ranks zones by the weighted score, every figure per the definitions; a tie shares a rank, a zone without tickets is unranked', async () => {
    const res = await get('/rankings?period=2026-11&by=zone');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ period: '2026-11', periodLabel: '2026年11月', by: 'zone', level: null, weights: { completion: 0.3, onTime: 0.3, satisfaction: 0.3, returns: 0.1 } });
    expect(res.body.items).toEqual([
      // 3 filed (the cancelled one left out), 2 completed, 1 of them on time, ratings 5 and 3, 1 returned.
      { id: zones.hefei, name: '合肥经开区', submitted: 3, completed: 2, completionRate: 0.6667, onTimeRate: 0.5, satisfactionRate: 0.5, returnRate: 0.3333, avgWorkingDays: 3, score: 56.7, rank: 1 },
      // completion 0 and no return; on time and satisfaction have no denominator: (0.3 × 0 + 0.1 × 1) / 0.4.
      { id: zones.taihe, name: '太和经开区', submitted: 1, completed: 0, completionRate: 0, onTimeRate: null, satisfactionRate: null, returnRate: 0, avgWorkingDays: null, score: 25, rank: 2 },
      { id: zones.wuhu, name: '芜湖经开区', submitted: 1, completed: 0, completionRate: 0, onTimeRate: null, satisfactionRate: null, returnRate: 0, avgWorkingDays: null, score: 25, rank: 2 },
      { id: zones.dangtu, name: '当涂经开区', ...unranked },
    ]);
  });

  it('ranks a level on its own', async () => {
    const items = (await get('/rankings?period=2026-Q4&by=zone&level=provincial')).body.items;
    expect(items.map((i: { name: string; rank: number | null }) => [i.name, i.rank])).toEqual([['太和经开区', 1], ['芜湖经开区', 1], ['当涂经开区', null]]);
  });

  it('ranks desks and providers over the same tickets', async () => {
    // 0.3 × 0.4 + 0.3 × 0.5 + 0.3 × 0.5 + 0.1 × (1 − 0.2)
    const desks = (await get('/rankings?period=2026&by=desk')).body.items;
    expect(desks[0]).toEqual({ id: 'finance', name: '金融进园区服务台', submitted: 5, completed: 2, completionRate: 0.4, onTimeRate: 0.5, satisfactionRate: 0.5, returnRate: 0.2, avgWorkingDays: 3, score: 50, rank: 1 });
    expect(desks.find((d: { id: string }) => d.id === 'media')).toEqual({ id: 'media', name: '媒体进园区服务台', ...unranked });
    const providers = (await get('/rankings?period=2026-11&by=provider', tokens.hefei)).body.items;
    expect(providers).toEqual([{ id: providerId, name: '徽商银行合肥分行', submitted: 2, completed: 2, completionRate: 1, onTimeRate: 0.5, satisfactionRate: 0.5, returnRate: 0, avgWorkingDays: 3, score: 70, rank: 1 }]);
  });

  it('counts only tickets submitted in the period', async () => {
    const items = (await get('/rankings?period=2026-10&by=zone')).body.items;
    expect(items.every((i: { submitted: number; rank: number | null }) => i.submitted === 0 && i.rank === null)).toBe(true);
  });

  it('lets coordinators change the weights (validated, summing to 1); the score follows', async () => {
    for (const token of [tokens.viewer, tokens.hefei, tokens.finance]) {
      expect((await ctx.request('PUT', '/api/v1/rankings/weights', { token, body: { completion: 1, onTime: 0, satisfaction: 0, returns: 0 } })).status).toBe(403);
    }
    const bad = await ctx.request('PUT', '/api/v1/rankings/weights', { token: tokens.coordinator, body: { completion: 0.5, onTime: 0.5, satisfaction: 0.5, returns: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'weights', rule: 'sumIsOne' })]);
    const negative = await ctx.request('PUT', '/api/v1/rankings/weights', { token: tokens.coordinator, body: { completion: 1.5, onTime: -0.5, satisfaction: 0, returns: 0 } });
    expect(negative.status).toBe(400);
    expect(negative.body.details[0].field).toBe('completion');
    await send('PUT', '/rankings/weights', tokens.coordinator, { completion: 0.5, onTime: 0, satisfaction: 0.5, returns: 0 });
    const hefei = (await get('/rankings?period=2026-11&by=zone')).body.items[0];
    expect(hefei).toMatchObject({ name: '合肥经开区', score: 58.3 }); // 50 × 0.6667 + 50 × 0.5
    await send('PUT', '/rankings/weights', tokens.coordinator, { completion: 0.3, onTime: 0.3, satisfaction: 0.3, returns: 0.1 });
  });

  it.each([
    ['period=2026-13&by=zone', 'period'],
    ['period=2026-Q5&by=zone', 'period'],
    ['by=zone', 'period'],
    ['period=2026-11&by=city', 'by'],
    ['period=2026-11', 'by'],
    ['period=2026-11&by=zone&level=county', 'level'],
  ])('?%s is a 400 naming %s', async (query, field) => {
    const res = await get(`/rankings?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field })]);
  });

  it('exports the table as a workbook with rates as percentages', async () => {
    const res = await fetch(`${ctx.baseUrl}/api/v1/rankings/export.xlsx?period=2026-11&by=zone`, { headers: { authorization: `Bearer ${tokens.hefei}` } });
    expect(res.status).toBe(200);
    const book = await readTestWorkbook(await res.arrayBuffer());
    const sheet = book.getWorksheet('排行榜')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '排名', '园区', '提交数', '办结数', '办结率', '按时办结率', '满意率', '退单率', '平均办理工作日', '综合得分']);
    const first = sheet.getRow(2);
    expect([first.getCell(1).value, first.getCell(2).value, first.getCell(5).value, first.getCell(5).numFmt, first.getCell(10).value]).toEqual([1, '合肥经开区', 0.6667, '0.0%', 56.7]);
  });

  it('needs a signed-in user', async () => {
    expect((await ctx.request('GET', '/api/v1/rankings?period=2026-11&by=zone')).status).toBe(401);
  });
});
