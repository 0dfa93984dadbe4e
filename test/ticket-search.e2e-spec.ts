import { AccessScope } from '@enterpark/common';
import { ReadTicketsService, TextQuery } from '@enterpark/tickets';
import { TestContext } from '@enterpark/testing';

/**
 * GET /tickets?q=: the words of the text, cut by the segmenter that indexes every ticket's
 * title, description and tags, must all be in a ticket; a text with no indexable word (one
 * character, a stop word) is matched as a substring. Scoped like every read.
 */
describe('GET /tickets?q= (text search)', () => {
  let ctx: TestContext;
  const tokens = {} as Record<'hefei' | 'wuhu' | 'media' | 'coordinator', string>;
  const titles: Record<string, string> = {};

  const search = async (token: string, q: string, extra = ''): Promise<string[]> => {
    const res = await ctx.request('GET', `/api/v1/tickets?q=${encodeURIComponent(q)}${extra}`, { token });
    expect(res.status).toBe(200);
    return (res.body.items as { title: string }[]).map((t) => t.title).sort();
  };

  beforeAll(async () => {
    ctx = await TestContext.create();
    const hefei = (await ctx.newZone({ name: '合肥经开区' })).id;
    const wuhu = (await ctx.newZone({ name: '芜湖经开区' })).id;
    tokens.hefei = (await ctx.newUser('zone_manager', { zoneId: hefei })).token;
    tokens.wuhu = (await ctx.newUser('zone_manager', { zoneId: wuhu })).token;
    tokens.media = (await ctx.newUser('desk_staff', { desks: ['media'] })).token;
    await ctx.newUser('desk_staff', { desks: ['finance'] });
    await ctx.newUser('desk_staff', { desks: ['training'] });
    tokens.coordinator = await ctx.coordinatorToken();
    const file = (token: string, body: unknown) => ctx.request('POST', '/api/v1/demand-lists', { token, body });
    const lists = [
      await file(tokens.hefei, {
        title: '合肥经开区第四季度清单',
        items: [
          { type: 'finance', title: '中小企业融资难问题', description: '园区内中小微企业普遍缺少抵押物，流动资金紧张。' },
          { type: 'media', title: '拍摄园区形象宣传片', description: '需要专业影视团队策划拍摄。' },
          { type: 'training', title: '汽车零部件企业工人培训', tags: ['技能培训'] },
        ],
      }),
      await file(tokens.wuhu, { title: '芜湖经开区清单', items: [{ type: 'finance', title: '银企融资对接' }] }),
    ];
    for (const list of lists) for (const t of list.body.tickets) titles[t.id] = t.title;
    const ids = lists.flatMap((l) => l.body.tickets.map((t: { id: string }) => t.id));
    await ctx.waitFor(async () => (await ctx.sql(`SELECT count(*)::int AS n FROM ticket WHERE id = ANY ($1::uuid[]) AND status = 'routed'`, [ids]))[0].n === 4, 15_000, 'routed');
  });
  afterAll(() => ctx.close());

  it.each([
    ['a 2-character word of two titles', '融资', ['中小企业融资难问题', '银企融资对接']],
    ['a 3-character word of a title', '宣传片', ['拍摄园区形象宣传片']],
    ['a 3-character word inside a longer one', '零部件', ['汽车零部件企业工人培训']],
    ['a 4-character word of a description only', '流动资金', ['中小企业融资难问题']],
    ['a tag', '技能培训', ['汽车零部件企业工人培训']],
    ['two words, both in the ticket', '形象 宣传片', ['拍摄园区形象宣传片']],
    ['two words, each in another ticket', '融资 宣传片', []],
    ['a word in no ticket', '区块链', []],
    ['one character (no word: a substring)', '片', ['拍摄园区形象宣传片']],
    ['a stop word (no word: a substring)', '园区', ['中小企业融资难问题', '拍摄园区形象宣传片']],
  ])('finds %s (q=%s) for a coordinator', async (_, q, expected) => {
    expect(await search(tokens.coordinator, q)).toEqual(expected);
  });

  it('keeps a zone manager to their zone and a desk clerk to their desks', async () => {
    expect(await search(tokens.hefei, '融资')).toEqual(['中小企业融资难问题']);
    expect(await search(tokens.wuhu, '融资')).toEqual(['银企融资对接']);
    expect(await search(tokens.wuhu, '宣传片')).toEqual([]);
    expect(await search(tokens.media, '融资')).toEqual([]);
    expect(await search(tokens.media, '宣传片')).toEqual(['拍摄园区形象宣传片']);
  });

  it('combines with the other filters and pages with the cursor', async () => {
    expect(await search(tokens.coordinator, '融资', '&type=media')).toEqual([]);
    const first = await ctx.request('GET', `/api/v1/tickets?q=${encodeURIComponent('融资')}&limit=1`, { token: tokens.coordinator });
    const second = await ctx.request('GET', `/api/v1/tickets?q=${encodeURIComponent('融资')}&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: tokens.coordinator });
    expect([first.body.items[0].title, second.body.items[0].title].sort()).toEqual(['中小企业融资难问题', '银企融资对接']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('finds the same tickets whichever word is walked (the rarest comes first, by the index counts)', async () => {
    const reads = ctx.api.get(ReadTicketsService);
    const coordinator: AccessScope = { kind: 'province' };
    const titlesOf = async (q: TextQuery) => (await reads.list(coordinator, { q }, { limit: 50 })).items.map((t) => t.title).sort();
    for (const words of [['融资', '中小企业'], ['形象', '宣传片'], ['融资', '区块链']]) {
      const walked = await titlesOf({ text: words.join(' '), words });
      expect(await titlesOf({ text: words.join(' '), words: [...words].reverse() })).toEqual(walked);
    }
    expect(await titlesOf({ text: '形象 宣传片', words: ['宣传片', '形象'] })).toEqual(['拍摄园区形象宣传片']);
  });
});
