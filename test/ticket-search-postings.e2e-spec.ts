import { ServiceType } from '@enterpark/common';
import { TicketTextQueryService } from '@enterpark/similarity';
import { TestContext } from '@enterpark/testing';

/**
 * GET /tickets?q= walks the rarest word's postings (ticket_term_posting). What it lists must be
 * what the words select in ticket_terms (the index the postings are made from), within the
 * caller's scope and filters, newest first, page after page with the cursor; and a ticket that
 * is rerouted to another type is found by the new desk only.
 */
describe('GET /tickets?q= through the word postings', () => {
  let ctx: TestContext;
  let zones: Record<'hefei' | 'wuhu', string>;
  const tokens = {} as Record<'coordinator' | 'hefei' | 'wuhu' | 'media' | 'financeTraining', string>;
  let financeTrainingId: string;

  const PHRASES = ['中小企业融资', '员工技能培训', '形象宣传片拍摄', '补充流动资金'];
  const TYPES: ServiceType[] = ['finance', 'media', 'training'];

  beforeAll(async () => {
    ctx = await TestContext.create();
    zones = { hefei: (await ctx.newZone({ name: '合肥经开区' })).id, wuhu: (await ctx.newZone({ name: '芜湖经开区' })).id };
    tokens.hefei = (await ctx.newUser('zone_manager', { zoneId: zones.hefei })).token;
    tokens.wuhu = (await ctx.newUser('zone_manager', { zoneId: zones.wuhu })).token;
    tokens.media = (await ctx.newUser('desk_staff', { desks: ['media'] })).token;
    const financeTraining = await ctx.newUser('desk_staff', { desks: ['finance', 'training'] });
    tokens.financeTraining = financeTraining.token;
    financeTrainingId = financeTraining.user.id;
    tokens.coordinator = await ctx.coordinatorToken();
    // Four lists of twelve (a list's tickets share a filing time: the cursor's id breaks the ties);
    // ticket i holds the phrases of the bits of i, so the words overlap in every combination.
    let n = 0;
    for (const [zone, token] of [['hefei', tokens.hefei], ['wuhu', tokens.wuhu], ['hefei', tokens.hefei], ['wuhu', tokens.wuhu]] as const) {
      const items = Array.from({ length: 12 }, () => {
        const i = n++;
        const phrases = PHRASES.filter((_, b) => ((i % 15) + 1) & (1 << b));
        return { type: TYPES[i % 3], title: `${zone} 需求 ${i}`, description: phrases.join('，') };
      });
      expect((await ctx.request('POST', '/api/v1/demand-lists', { token, body: { title: `${zone}清单 ${n}`, items } })).status).toBe(201);
    }
    await ctx.waitFor(async () => (await ctx.sql(`SELECT count(*)::int AS n FROM ticket WHERE status = 'routed'`))[0].n === 48, 20_000, 'all routed');
  });
  afterAll(() => ctx.close());

  /** Every page of the search, `limit` at a time, as ids in the order listed. */
  async function pages(token: string, q: string, filters = '', limit = 5): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const res = await ctx.request('GET', `/api/v1/tickets?q=${encodeURIComponent(q)}&limit=${limit}${filters}${after}`, { token });
      expect(res.status).toBe(200);
      ids.push(...res.body.items.map((t: { id: string }) => t.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    return ids;
  }

  /** What the words select in ticket_terms, within `where` (the scope and filters, on `ticket t`), newest first. */
  async function expected(q: string, where = 'TRUE', params: unknown[] = []): Promise<string[]> {
    const { words } = await ctx.api.get(TicketTextQueryService).parse(q);
    const rows = await ctx.sql<{ id: string }>(
      `SELECT t.id FROM ticket t JOIN ticket_terms tt ON tt.ticket_id = t.id
        WHERE tt.terms @> $1::text[] AND ${where} ORDER BY t.created_at DESC, t.id DESC`,
      [words, ...params],
    );
    return rows.map((r) => r.id);
  }

  const QUERIES = ['融资', '技能培训', '宣传片', '融资 技能培训', '流动资金 宣传片 融资', '区块链', '融资 区块链'];

  it.each(QUERIES)('lists for a coordinator what the words select, page after page (q=%s)', async (q) => {
    const want = await expected(q);
    expect(await pages(tokens.coordinator, q)).toEqual(want);
    if (!q.includes('区块链')) expect(want.length).toBeGreaterThan(5);
  });

  it.each(QUERIES)('keeps a zone manager to their zone and a desk clerk to their desks (q=%s)', async (q) => {
    expect(await pages(tokens.hefei, q)).toEqual(await expected(q, 't.zone_id = $2', [zones.hefei]));
    expect(await pages(tokens.wuhu, q)).toEqual(await expected(q, 't.zone_id = $2', [zones.wuhu]));
    expect(await pages(tokens.media, q)).toEqual(await expected(q, `t.desk = 'media'`));
    expect(await pages(tokens.financeTraining, q)).toEqual(await expected(q, `t.desk IN ('finance', 'training')`));
  });

  it('tenancy holds whatever the filter asks: another zone or desk finds nothing', async () => {
    expect(await pages(tokens.hefei, '融资', `&zoneId=${zones.wuhu}`)).toEqual([]);
    expect(await pages(tokens.media, '融资', '&type=finance')).toEqual([]);
    expect(await pages(tokens.media, '融资', `&assigneeId=${financeTrainingId}`)).toEqual([]);
  });

  it.each([
    ['type', '&type=training', `t.type = 'training'`],
    ['status', '&status=routed', `t.status = 'routed'`],
    ['zone', () => `&zoneId=${zones.wuhu}`, () => `t.zone_id = '${zones.wuhu}'`],
    ['assignee', () => `&assigneeId=${financeTrainingId}`, () => `t.assignee_id = '${financeTrainingId}'`],
  ])('combines with the %s filter', async (_, filter, where) => {
    const [f, w] = [typeof filter === 'function' ? filter() : filter, typeof where === 'function' ? where() : where];
    for (const q of ['融资', '融资 技能培训']) {
      expect(await pages(tokens.coordinator, q, f, 3)).toEqual(await expected(q, w));
      expect(await pages(tokens.financeTraining, q, f, 3)).toEqual(await expected(q, `${w} AND t.desk IN ('finance', 'training')`));
    }
  });

  it('a rerouted ticket moves to the new desk: the desk it left no longer finds it', async () => {
    const [id] = await expected('宣传片', `t.type = 'finance' AND t.zone_id = $2`, [zones.hefei]);
    expect(await pages(tokens.financeTraining, '宣传片')).toContain(id);
    const post = (action: string, token: string, body: unknown) => ctx.request('POST', `/api/v1/tickets/${id}/${action}`, { token, body });
    expect((await post('return', tokens.financeTraining, { reason: '属于宣传需求', suggestedType: 'media' })).status).toBe(200);
    expect((await post('reroute', tokens.coordinator, { type: 'media', reason: '改派宣传服务台' })).status).toBe(200);
    await ctx.waitFor(async () => (await ctx.sql(`SELECT status FROM ticket WHERE id = $1`, [id]))[0].status === 'routed', 10_000, 'rerouted ticket routed');
    expect(await pages(tokens.financeTraining, '宣传片')).not.toContain(id);
    expect(await pages(tokens.media, '宣传片')).toContain(id);
    expect(await pages(tokens.coordinator, '宣传片', '&type=media')).toContain(id);
    expect(await pages(tokens.coordinator, '宣传片', '&type=finance')).not.toContain(id);
    expect(await ctx.sql(`SELECT DISTINCT type FROM ticket_term_posting WHERE ticket_id = $1`, [id])).toEqual([{ type: 'media' }]);
    expect(await pages(tokens.media, '宣传片')).toEqual(await expected('宣传片', `t.desk = 'media'`));
  });
});
