import { Job } from 'bullmq';
import { PNG } from 'pngjs';
import { parseIsoWeek } from '@enterpark/common';
import { DomainEvent } from '@enterpark/events';
import { UnsubscribeLinks } from '@enterpark/mail';
import { ComposedDigest, DigestComposer, DigestRecipient } from '@enterpark/digests';
import { COMPLETION_EVENTS, CompletionService } from '@enterpark/summaries';
import { HttpResponse, TestClock, TestContext } from '@enterpark/testing';
import { CompletionProcessor } from '../apps/worker/src/completion/completion.processor';

const WEEK = parseIsoWeek('2026-W47')!; // Monday 2026-11-16 to Sunday 2026-11-22, Shanghai
const T = {
  loan: '对接园区贷融资渠道',
  supplyChain: '供应链金融方案设计',
  listing: '园区企业上市辅导',
  subsidy: '园区贷贴息政策咨询',
  video: '园区宣传片拍摄 <script>alert(1)</script> & 短视频',
  safety: '安全生产培训',
  wuhu: '芜湖外贸企业融资对接',
  lastQuarter: '三季度企业管理培训',
  nextWeek: '下周的招商推介会',
};
const QUESTION = '请补充企业名单及融资需求金额（万元）';

/**
 * The weekly digest's content for each role, against a week seeded through the real API on a
 * test clock (the workers are off: routing, a pending proposal and SLA flags are set in SQL as
 * those workers would leave them; completion events are handed to the real processor).
 * Zone A (合肥) has tickets in every state this week, zone B (芜湖) one finance ticket, and
 * tickets from the weeks before and after must not count.
 */
describe('digest content', () => {
  const clock = new TestClock(new Date('2026-11-03T09:00:00+08:00'));
  let ctx: TestContext;
  let composer: DigestComposer;
  const users = {} as Record<'managerA' | 'managerB' | 'finance' | 'mediaTraining' | 'viewer' | 'coordinator', DigestRecipient>;
  const tokens = {} as Record<'managerA' | 'finance' | 'mediaTraining' | 'coordinator', string>;
  const ids = {} as Record<keyof typeof T, string>;
  let providerId: string;
  const delivered = new Set<string>();

  const at = (local: string) => clock.set(`${local}+08:00`);
  async function post(path: string, token: string, body: unknown = {}): Promise<HttpResponse> {
    const res = await ctx.request('POST', `/api/v1${path}`, { token, body });
    if (res.status !== 200 && res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }
  async function file(token: string, local: string, title: string, items: [string, keyof typeof T][]): Promise<void> {
    at(local);
    const res = await post('/demand-lists', token, { title, items: items.map(([type, key]) => ({ type, title: T[key] })) });
    res.body.tickets.forEach((t: { id: string }, i: number) => (ids[items[i][1]] = t.id));
  }
  /** What the routing worker would leave: desk = type, the given assignee (null: a desk_only rule) and their workload. */
  async function route(keys: (keyof typeof T)[], local: string, assignee: (key: keyof typeof T) => string | null): Promise<void> {
    for (const k of keys) {
      const [who, when] = [assignee(k), new Date(`${local}+08:00`)];
      await ctx.sql(`UPDATE ticket SET status = 'routed', desk = type, assignee_id = $2, routed_at = $3, updated_at = $3, version = version + 1 WHERE id = $1`, [ids[k], who, when]);
      if (who) await ctx.sql(`INSERT INTO staff_workload (user_id, open_tickets) VALUES ($1, 1) ON CONFLICT (user_id) DO UPDATE SET open_tickets = staff_workload.open_tickets + 1`, [who]);
    }
  }
  async function serve(key: keyof typeof T, token: string, days: { accept: string; match: string; complete?: string }) {
    at(days.accept);
    await post(`/tickets/${ids[key]}/accept`, token, { priority: 'high' });
    at(days.match);
    await post(`/tickets/${ids[key]}/match`, token, { providerId });
    if (!days.complete) return;
    await post(`/tickets/${ids[key]}/activities`, token, { date: days.match.slice(0, 10), kind: 'visit', notes: '走访企业' });
    at(days.complete);
    await post(`/tickets/${ids[key]}/complete`, token, { outcome: '已完成对接' });
  }
  /** The completion worker's part, in log order, at the clock's time (the summaries' created_at). */
  async function deliverCompletions(processor: CompletionProcessor): Promise<void> {
    const rows = await ctx.sql(`SELECT * FROM event WHERE name = ANY ($1::text[]) ORDER BY seq`, [COMPLETION_EVENTS]);
    for (const r of rows.filter((row) => !delivered.has(row.id))) {
      const event: DomainEvent = { id: r.id, name: r.name, aggregateType: r.aggregate_type, aggregateId: r.aggregate_id, zoneId: r.zone_id, actorId: r.actor_id, payload: r.payload, occurredAt: new Date(r.occurred_at).toISOString() };
      await processor.process({ name: event.name, data: event } as Job<DomainEvent>);
      delivered.add(r.id);
    }
  }

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false, clock });
    composer = ctx.api.get(DigestComposer);
    const processor = new CompletionProcessor(ctx.api.get(CompletionService));
    const zoneA = (await ctx.newZone({ name: '合肥经开区' })).id;
    const zoneB = (await ctx.newZone({ name: '芜湖经开区', city: '芜湖市' })).id;
    const recipient = (u: { user: DigestRecipient }) => ({ id: u.user.id, email: u.user.email, name: u.user.name, role: u.user.role, zoneId: u.user.zoneId, desks: u.user.desks });
    const managerA = await ctx.newUser('zone_manager', { zoneId: zoneA, name: '李主任' });
    const managerB = await ctx.newUser('zone_manager', { zoneId: zoneB });
    const finance = await ctx.newUser('desk_staff', { desks: ['finance'], name: '王金融' });
    const mediaTraining = await ctx.newUser('desk_staff', { desks: ['media', 'training'], name: '赵宣传' });
    const viewer = await ctx.newUser('viewer', { name: '厅领导' });
    Object.assign(users, { managerA: recipient(managerA), managerB: recipient(managerB), finance: recipient(finance), mediaTraining: recipient(mediaTraining), viewer: recipient(viewer) });
    Object.assign(tokens, { managerA: managerA.token, finance: finance.token, mediaTraining: mediaTraining.token, coordinator: await ctx.coordinatorToken() });
    const [admin] = await ctx.sql(`SELECT id, email, name FROM app_user WHERE role = 'coordinator'`);
    users.coordinator = { ...admin, role: 'coordinator', zoneId: null, desks: [] };
    providerId = (await post('/providers', tokens.coordinator, { name: '徽商银行合肥分行', kind: 'bank', serviceTypes: ['finance', 'training', 'media'], capacity: 50, cities: ['合肥市'], email: 'loan@hsbank.example.cn' })).body.id;
    const staffOf = (k: keyof typeof T) => (['video', 'safety', 'lastQuarter'].includes(k) ? mediaTraining.user.id : finance.user.id);

    // Week 45: filed, served and closed; nothing of it belongs to week 47.
    await file(managerA.token, '2026-11-03T09:00:00', '2026年第三季度补充清单', [['training', 'lastQuarter']]);
    await route(['lastQuarter'], '2026-11-03T09:30:00', staffOf);
    await serve('lastQuarter', mediaTraining.token, { accept: '2026-11-03T10:00:00', match: '2026-11-04T10:00:00', complete: '2026-11-05T10:00:00' });
    at('2026-11-06T10:00:00');
    await post(`/tickets/${ids.lastQuarter}/confirm`, managerA.token, { rating: 3, solved: true });
    await deliverCompletions(processor);

    // Week 46: filed and matched; completed, confirmed or late in week 47.
    await file(managerA.token, '2026-11-10T09:00:00', '2026年第四季度需求清单（一）', [['finance', 'loan'], ['finance', 'supplyChain'], ['finance', 'listing']]);
    await route(['loan', 'supplyChain', 'listing'], '2026-11-10T09:30:00', staffOf);
    await serve('loan', finance.token, { accept: '2026-11-10T10:00:00', match: '2026-11-11T10:00:00', complete: '2026-11-16T10:00:00' });
    await serve('listing', finance.token, { accept: '2026-11-10T11:00:00', match: '2026-11-12T10:00:00', complete: '2026-11-20T15:00:00' });
    at('2026-11-10T10:30:00');
    await post(`/tickets/${ids.supplyChain}/accept`, finance.token, { priority: 'normal', dueAt: '2026-11-20T18:00:00+08:00' });

    // Week 47.
    await file(managerA.token, '2026-11-17T09:00:00', '2026年第四季度需求清单（二）', [['finance', 'subsidy'], ['media', 'video'], ['training', 'safety']]);
    await route(['subsidy', 'video', 'safety'], '2026-11-17T09:30:00', staffOf);
    at('2026-11-18T10:00:00');
    await post(`/tickets/${ids.subsidy}/request-info`, finance.token, { question: QUESTION });
    await serve('safety', mediaTraining.token, { accept: '2026-11-17T14:00:00', match: '2026-11-18T16:00:00' });
    await file(managerB.token, '2026-11-18T10:00:00', '芜湖经开区需求清单', [['finance', 'wuhu']]);
    await route(['wuhu'], '2026-11-18T10:30:00', () => null);
    at('2026-11-19T10:00:00');
    await post(`/tickets/${ids.loan}/confirm`, managerA.token, { rating: 5, solved: true });
    at('2026-11-20T16:00:00');
    await deliverCompletions(processor);
    // As the matching worker and the SLA sweep would leave it: a proposal waiting on the bank, late and escalated.
    await ctx.sql(`INSERT INTO ticket_match (id, ticket_id, provider_id, status, origin, proposed_at, expires_at) VALUES (gen_random_uuid(), $1, $2, 'proposed', 'ranked', $3, $3::timestamptz + interval '2 days')`, [ids.supplyChain, providerId, new Date('2026-11-19T10:00:00+08:00')]);
    await ctx.sql(
      `UPDATE ticket SET status = 'matching', sla_stage = 'matching', sla_due_at = $2, sla_breached_at = $2, sla_escalated_at = $3, sla_breaches = 1, updated_at = $4 WHERE id = $1`,
      [ids.supplyChain, new Date('2026-11-18T00:00:00+08:00'), new Date('2026-11-19T00:00:00+08:00'), new Date('2026-11-19T10:00:00+08:00')],
    );

    // Week 48: not part of week 47.
    await file(managerA.token, '2026-11-24T09:00:00', '下周清单', [['media', 'nextWeek']]);
  });
  afterAll(() => ctx.close());

  const compose = (who: keyof typeof users) => composer.compose(users[who], WEEK);
  const titlesIn = (d: ComposedDigest, keys: (keyof typeof T)[]) => keys.filter((k) => d.html.includes(escapeHtml(T[k])) && d.text.includes(T[k]));

  it("gives a zone manager their zone's week: what waits on them, what is late, what moved, with providers and links", async () => {
    const d = await compose('managerA');
    expect(d.subject).toBe('进园区服务周报｜合肥经开区｜2026年第47周');
    expect(d.inlineImages).toEqual([]);
    for (const part of [d.html, d.text]) {
      expect(part).toContain('李主任，您好：');
      expect(part).toContain('2026年第47周（11月16日—11月22日）');
      expect(part).toContain(`问题：${QUESTION}`);
      expect(part).toContain('服务机构：徽商银行合肥分行');
      expect(part).toContain(`${ctx.config.consoleBaseUrl}/tickets/${ids.subsidy}`);
    }
    // Every link opens the console: the ticket, the confirmation form, the notification settings.
    expect(d.text).toContain(`${ctx.config.consoleBaseUrl}/tickets/${ids.listing}?action=confirm`);
    expect(d.html.replace(/&#x3D;/g, '=')).toContain(`href="${ctx.config.consoleBaseUrl}/tickets/${ids.listing}?action=confirm"`);
    for (const part of [d.text, d.html]) expect(part).toContain(`${ctx.config.consoleBaseUrl}/settings/notifications`);
    expect(statsOf(d.text)).toMatchObject({ 新提交: 3, 已分派: 3, 已匹配: 1, 已办结: 2, 已确认办结: 1, 待您处理: 2, 逾期: 1 });
    expect(sectionOf(d.text, '待您补充信息（1）')).toContain(T.subsidy);
    expect(sectionOf(d.text, '待您确认办结（1）')).toContain(T.listing);
    expect(sectionOf(d.text, '逾期事项（1）')).toContain(T.supplyChain);
    const activity = sectionOf(d.text, '本周动态（5）');
    expect(['loan', 'listing', 'subsidy', 'video', 'safety'].every((k) => activity.includes(T[k as keyof typeof T]))).toBe(true);
    expect(activity).toContain('本周：已办结、已确认办结');
    expect(sectionOf(d.text, '需求清单（本周提交 1，全部办结 0）')).toContain('2026年第四季度需求清单（二） | 3 | 11月17日 | 本周提交');
    // Another zone's ticket, last quarter's and next week's are nowhere.
    expect(titlesIn(d, ['wuhu', 'lastQuarter', 'nextWeek'])).toEqual([]);
    expect(d.html).not.toContain('芜湖经开区');
  });

  it('composes a batch of recipients as each would get their digest alone: every zone manager only their own zone', async () => {
    const order: (keyof typeof users)[] = ['managerB', 'finance', 'managerA', 'coordinator', 'viewer', 'mediaTraining'];
    const batch = await composer.composeMany(order.map((who) => users[who]), WEEK);
    const alone = await Promise.all(order.map((who) => compose(who)));
    expect(batch).toEqual(alone);
    const [wuhu, , hefei] = batch;
    expect(wuhu.subject).toBe('进园区服务周报｜芜湖经开区｜2026年第47周');
    expect(titlesIn(wuhu, ['wuhu', 'loan', 'subsidy'])).toEqual(['wuhu']);
    expect(titlesIn(hefei, ['wuhu', 'loan', 'subsidy'])).toEqual(['loan', 'subsidy']);
  });

  it('escapes user text in the HTML and keeps it plain in the text part', async () => {
    const d = await compose('managerA');
    expect(d.html).toContain('园区宣传片拍摄 &lt;script&gt;alert(1)&lt;/script&gt; &amp; 短视频');
    expect(d.html).not.toContain('<script>alert(1)');
    expect(d.text).toContain(T.video);
    expect(d.html).toMatch(/^<!doctype html>/i);
    expect(d.html).toContain('<a href="http://');
  });

  it("gives desk staff their desks' queue and nothing of other desks", async () => {
    const finance = await compose('finance');
    expect(finance.subject).toBe('进园区服务周报｜金融进园区服务台｜2026年第47周');
    expect(statsOf(finance.text)).toMatchObject({ 本周新到: 2, 待受理: 1, 未分配: 1, 提议待答复: 1, 超时: 1, 督办: 1, 本周办结: 2 });
    expect(sectionOf(finance.text, '服务机构未答复的匹配提议（1）')).toContain('待 徽商银行合肥分行 答复');
    expect(sectionOf(finance.text, '督办事项（1）')).toContain(T.supplyChain);
    expect(sectionOf(finance.text, '待受理（1）')).toContain(`${T.wuhu}（金融进园区 · 待受理 · 芜湖经开区）`);
    expect(sectionOf(finance.text, '本周办结（2）')).toContain(T.loan);
    expect(titlesIn(finance, ['video', 'safety', 'lastQuarter', 'nextWeek'])).toEqual([]);

    const mediaTraining = await compose('mediaTraining');
    expect(mediaTraining.subject).toBe('进园区服务周报｜媒体、培训进园区服务台｜2026年第47周');
    expect(statsOf(mediaTraining.text)).toMatchObject({ 本周新到: 2, 待受理: 1, 超时: 0, 本周办结: 0 });
    expect(titlesIn(mediaTraining, ['video', 'safety'])).toEqual(['video', 'safety']);
    expect(titlesIn(mediaTraining, ['wuhu', 'subsidy', 'loan'])).toEqual([]);
  });

  it('gives coordinators and viewers the province: by type and zone, the league table, backlogs, escalations, the chart', async () => {
    const d = await compose('coordinator');
    expect(d.subject).toBe('进园区服务周报｜全省｜2026年第47周');
    expect(statsOf(d.text)).toMatchObject({ 新提交: 4, 已匹配: 1, 已办结: 2, 已确认办结: 1, 督办: 1 });
    expect(sectionOf(d.text, '本周新提交工单（按类型）')).toContain('金融进园区 | 2 | 2 |');
    const league = sectionOf(d.text, '园区排行榜');
    // Ranked as GET /rankings ranks the week's submissions: none of them completed yet, a tie.
    expect(league).toContain('\n1 | 合肥经开区 | 3 | 0.0% | — | — | 25\n1 | 芜湖经开区 | 1 | 0.0% | — | — | 25');
    expect(sectionOf(d.text, '各服务台积压')).toContain('金融进园区服务台 | 3 | 1 | 1 | 1 | 1 | 1');
    expect(sectionOf(d.text, '督办事项（1）')).toContain(T.supplyChain);
    expect(sectionOf(d.text, '办理最久的在办工单')).toContain(T.supplyChain);

    const [chart] = d.inlineImages;
    expect(chart).toMatchObject({ cid: expect.stringMatching(/@enterpark$/), filename: expect.stringMatching(/\.png$/) });
    const png = PNG.sync.read(Buffer.from(chart.contentBase64, 'base64'));
    expect([png.width, png.height]).toEqual([560, 240]);
    expect(d.html).toContain(`src="cid:${chart.cid}"`);
    expect(d.html).toContain('金融进园区：<b>2</b>');

    const viewer = await compose('viewer');
    expect(viewer.subject).toBe(d.subject);
    expect(viewer.text).toContain('厅领导，您好：');
    const links = ctx.api.get(UnsubscribeLinks);
    expect(viewer.text).toContain(links.urlFor(users.viewer.id, 'digest'));
    expect(viewer.text).not.toContain(links.urlFor(users.coordinator.id, 'digest'));
    expect(d.text).toContain(links.urlFor(users.coordinator.id, 'digest'));
  });

  it('previews what a user would get, for coordinators only, and stores or sends nothing', async () => {
    const before = await ctx.sql(`SELECT count(*)::int AS n FROM mail_message`);
    const preview = (query: string, token = tokens.coordinator) => ctx.request('GET', `/api/v1/digests/preview?${query}`, { token });
    const zone = await preview(`userId=${users.managerA.id}&week=2026-W47`);
    expect(zone.status).toBe(200);
    expect(zone.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(zone.body).toContain(T.subsidy);
    const province = await preview(`userId=${users.viewer.id}&week=2026-W47`);
    expect(province.body).toContain('src="data:image/png;base64,');
    expect(province.body).not.toContain('src="cid:');

    expect((await preview(`userId=${users.managerA.id}&week=2026-W47`, tokens.managerA)).status).toBe(403);
    for (const [query, field] of [
      [`userId=${users.managerA.id}&week=2026-W54`, 'week'],
      [`userId=${users.managerA.id}&week=2026-47`, 'week'],
      [`userId=${users.managerA.id}`, 'week'],
      [`userId=not-a-uuid&week=2026-W47`, 'userId'],
    ]) {
      const res = await preview(query);
      expect([query, res.status, res.body.details?.map((x: { field: string }) => x.field)]).toEqual([query, 400, expect.arrayContaining([field])]);
    }
    const unknown = await preview(`userId=00000000-0000-4000-8000-000000000000&week=2026-W47`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'userId', rule: 'exists' })]);
    expect(await ctx.sql(`SELECT count(*)::int AS n FROM mail_message`)).toEqual(before);
  });
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The stats line of the text part ("新提交：3　已分派：3") as numbers by label. */
function statsOf(text: string): Record<string, number> {
  const line = text.split('\n').find((l) => l.includes('：') && l.includes('　'))!;
  return Object.fromEntries(line.split('　').map((part) => part.split('：')).map(([k, v]) => [k, Number(v)]));
}

/** The text part's section under 【heading】, up to the next one. */
function sectionOf(text: string, heading: string): string {
  const start = text.indexOf(`【${heading}`);
  if (start < 0) throw new Error(`no section ${heading} in:\n${text}`);
  const end = text.indexOf('【', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}
