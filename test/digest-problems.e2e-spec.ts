import { parseIsoWeek } from '@enterpark/common';
import { DigestComposer, DigestRecipient } from '@enterpark/digests';
import { ProblemStatistics } from '@enterpark/problems';
import { HttpResponse, TEST_ADMIN, TestClock, TestContext } from '@enterpark/testing';

const WEEK = parseIsoWeek('2026-W47')!; // Monday 2026-11-16 to Sunday 2026-11-22, Shanghai

/**
 * 问题归集 in the coordinators' weekly digest and ProblemStatistics.forPeriod (what the monthly
 * bulletin reads), on a test clock: a problem resolved the week before, one resolved in the
 * week, one grouped in the week and still open, one grouped after the week.
 */
describe('problems in the digest and in period figures', () => {
  const clock = new TestClock(new Date('2026-11-09T09:00:00+08:00'));
  let ctx: TestContext;
  let coordinator: string;
  let recipient: DigestRecipient;
  const problems: Record<string, string> = {};
  const zones: Record<string, string> = {};

  const at = (local: string) => clock.set(`${local}+08:00`);
  async function post(path: string, body: unknown): Promise<HttpResponse> {
    const res = await ctx.request('POST', `/api/v1${path}`, { token: coordinator, body });
    if (res.status !== 200 && res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }
  async function ticketsOf(zone: string, titles: string[]): Promise<string[]> {
    const res = await post('/demand-lists', { title: `${zone}需求清单`, zoneId: zones[zone], items: titles.map((title) => ({ type: 'finance', title })) });
    return res.body.tickets.map((t: { id: string }) => t.id);
  }

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false, clock });
    coordinator = await ctx.coordinatorToken();
    for (const name of ['合肥经开区', '芜湖经开区', '铜陵经开区']) zones[name] = (await ctx.newZone({ name })).id;
    const [admin] = await ctx.sql(`SELECT id, email, name FROM app_user WHERE email = $1`, [TEST_ADMIN.email]);
    recipient = { ...admin, role: 'coordinator', zoneId: null, desks: [] };
    const [a1, a2, a3] = await ticketsOf('合肥经开区', ['融资难', '用地指标不足', '招工难']);
    const [b1, b2] = await ticketsOf('芜湖经开区', ['融资难问题', '用地指标紧张']);
    const [c1, c2] = await ticketsOf('铜陵经开区', ['招工难问题', '园区贷融资']);

    at('2026-11-10T10:00:00');
    problems.lastWeek = (await post('/problems', { title: '上周办结的问题', ticketIds: [c2] })).body.id;
    await post(`/problems/${problems.lastWeek}/resolve`, { resolution: '上周已答复' });
    problems.resolved = (await post('/problems', { title: '园区中小企业融资难', ticketIds: [a1, b1] })).body.id;
    at('2026-11-18T15:00:00');
    await post(`/problems/${problems.resolved}/resolve`, { resolution: '推出"园区贷"专项产品，合作银行优先审批园区企业贷款。' });
    problems.open = (await post('/problems', { title: '用地指标不足', ticketIds: [a2, b2] })).body.id;
    at('2026-11-24T10:00:00');
    problems.after = (await post('/problems', { title: '招工难', ticketIds: [a3, c1] })).body.id;
  }, 60_000);
  afterAll(() => ctx?.close());

  it('forPeriod: open at the end of the period, resolved within it, with tickets by zone', async () => {
    const period = await ctx.api.get(ProblemStatistics).forPeriod(WEEK.startsAt, WEEK.endsAt);
    expect(period.created).toBe(1);
    expect(period.open).toEqual({ total: 1, items: [expect.objectContaining({ id: problems.open, title: '用地指标不足', ticketCount: 2, resolvedAt: null, resolution: null })] });
    expect(period.open.items[0].zones.map((z) => [z.zoneName, z.count])).toEqual([
      ['合肥经开区', 1],
      ['芜湖经开区', 1],
    ]);
    expect(period.resolved.total).toBe(1);
    expect(period.resolved.items[0]).toMatchObject({ id: problems.resolved, ticketCount: 2, resolution: expect.stringContaining('园区贷') });

    // A month (the bulletin's period) counts both resolutions and the problem grouped after the week.
    const month = await ctx.api.get(ProblemStatistics).forPeriod(new Date('2026-11-01T00:00:00+08:00'), new Date('2026-12-01T00:00:00+08:00'));
    expect(month).toMatchObject({ created: 4, open: { total: 2 }, resolved: { total: 2 } });
    // Before anything was grouped: nothing.
    expect(await ctx.api.get(ProblemStatistics).forPeriod(new Date('2026-10-01T00:00:00+08:00'), new Date('2026-11-01T00:00:00+08:00'))).toMatchObject({ created: 0, open: { total: 0, items: [] }, resolved: { total: 0, items: [] } });
  });

  it('the coordinators’ digest has a 问题归集 section: open problems and those resolved in the week', async () => {
    const d = await ctx.api.get(DigestComposer).compose(recipient, WEEK, { fresh: true });
    const start = d.text.indexOf('【问题归集（办理中 1，本周办结 1）】');
    expect(start).toBeGreaterThan(-1);
    const part = d.text.slice(start, d.text.indexOf('【', start + 1) > 0 ? d.text.indexOf('【', start + 1) : undefined);
    expect(part).toContain('本周新归集 1 个');
    expect(part).toContain('用地指标不足 | 办理中 | 2 | 合肥经开区 1、芜湖经开区 1 | —');
    expect(part).toContain('园区中小企业融资难 | 本周办结 | 2 | 合肥经开区 1、芜湖经开区 1 | 推出"园区贷"专项产品');
    expect(part).not.toContain('上周办结的问题');
    expect(part).not.toContain('招工难');
    expect(d.html).toContain('问题归集（办理中 1，本周办结 1）');
  });
});
