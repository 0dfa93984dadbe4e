import type { Page } from 'playwright-core';
import { chooseOption, ConsoleBrowser, openedDialog, saveScreenshot, TEST_PASSWORD, TestClock, TestContext } from '@enterpark/testing';

/**
 * A desk clerk in a real Chromium: the work queue shows a zone's new tickets without a
 * reload, soonest SLA deadline first; the clerk triages a ticket, answers the proposal on
 * the provider's behalf, records the service and completes it; a stale form gets the API's
 * 409 and the page says what is allowed now; a ticket's page shows similar tickets of other
 * zones — real API and worker, the database as witness.
 * API, worker and browser share one fixed time, so the working-day deadlines never depend on today.
 */
describe('the desk clerk in the console', () => {
  const START = new Date('2026-11-18T09:00:00+08:00'); // a Wednesday
  const clock = new TestClock(START);
  let ctx: TestContext;
  let browser: ConsoleBrowser;
  let clerk: { id: string; email: string; token: string };
  let zoneToken: string;
  let loanId: string;
  let trainingId: string;

  beforeAll(async () => {
    ctx = await TestContext.create({ clock });
    const zone = await ctx.newZone({ name: '合肥经开区', city: '合肥市' });
    zoneToken = (await ctx.newUser('zone_manager', { zoneId: zone.id, name: '王建国' })).token;
    const desk = await ctx.newUser('desk_staff', { desks: ['finance', 'training'], name: '李敏' });
    clerk = { id: desk.user.id, email: desk.user.email, token: desk.token };
    const coordinator = await ctx.coordinatorToken();
    // Finance must be triaged within 1 working day, training within 5: the newer training ticket is due later.
    for (const [type, triageDays] of [['finance', 1], ['training', 5]] as const) {
      const put = await ctx.request('PUT', `/api/v1/sla-targets/${type}`, { token: coordinator, body: { triageDays, matchingDays: 3, serviceDays: 20 } });
      expect(put.status).toBe(200);
    }
    for (const body of [
      { name: '徽商银行合肥分行', kind: 'bank', serviceTypes: ['finance'], capacity: 5, cities: ['合肥市'], tags: ['园区贷'], email: 'loan@bank.example.cn' },
      { name: '芜湖扬子农商银行', kind: 'bank', serviceTypes: ['finance'], capacity: 3, cities: ['芜湖市'], tags: [], email: 'loan@wuhu-bank.example.cn' },
    ]) {
      expect((await ctx.request('POST', '/api/v1/providers', { token: coordinator, body })).status).toBe(201);
    }
    browser = await ConsoleBrowser.launch(ctx.baseUrl);
  });
  afterEach(() => browser?.closePages());
  afterAll(async () => {
    await browser?.close();
    await ctx.close();
  });

  const ticketRow = async (id: string) => (await ctx.sql(`SELECT status, desk, priority, outcome FROM ticket WHERE id = $1`, [id]))[0];
  const waitStatus = (id: string, status: string) => ctx.waitFor(async () => (await ticketRow(id)).status === status, 15_000, `ticket ${status}`);

  /** Files a one-item list as the zone would, and answers its ticket's id. */
  async function fileTicket(item: { type: string; title: string; description?: string; tags?: string[] }): Promise<string> {
    const res = await ctx.request('POST', '/api/v1/demand-lists', { token: zoneToken, body: { title: `${item.title}需求清单`, items: [item] } });
    expect(res.status).toBe(201);
    return res.body.tickets[0].id;
  }

  async function clerkPage(): Promise<Page> {
    const page = await browser.newPage();
    // The page's time starts where the service's stands and runs on: badges count from the same day.
    await page.clock.install({ time: clock.now() });
    await page.clock.resume();
    await browser.signIn(page, clerk.email, TEST_PASSWORD);
    return page;
  }

  it('shows a ticket filed by a zone in the queue within 5 s without a reload, soonest SLA deadline first', async () => {
    const page = await clerkPage();
    await page.getByRole('heading', { name: '工作队列' }).waitFor();
    await page.getByText('队列中没有工单').waitFor();
    await page.evaluate('window.__sameDocument = true');

    loanId = await fileTicket({ type: 'finance', title: '对接园区贷融资渠道', description: '园区 12 家企业有流动资金需求', tags: ['园区贷'] });
    clock.advance(10 * 60_000);
    trainingId = await fileTicket({ type: 'training', title: '企业管理培训' });
    await waitStatus(loanId, 'routed');
    await waitStatus(trainingId, 'routed');
    const routedAt = Date.now();
    await page.getByRole('link', { name: '企业管理培训' }).waitFor({ timeout: 5_000 });
    await page.getByRole('link', { name: '对接园区贷融资渠道' }).waitFor({ timeout: 5_000 - (Date.now() - routedAt) });
    await expect(page.evaluate('window.__sameDocument')).resolves.toBe(true);

    // GET /tickets answers the newest first; the queue puts the 1-day finance deadline first.
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect(rows.locator('a').allTextContents()).resolves.toEqual(['对接园区贷融资渠道', '企业管理培训']);
    const badges = await rows.locator('.ant-tag', { hasText: '受理时限' }).allTextContents();
    expect(badges).toHaveLength(2);
    const left = badges.map((b) => Number(/^受理时限：剩余 (\d+) 个工作日$/.exec(b)?.[1]));
    expect(left[0]).toBeGreaterThanOrEqual(1);
    expect(left[0]).toBeLessThan(left[1]);
    await page.getByText('在办工单：2 件').waitFor();
    const [due] = await ctx.sql(`SELECT (SELECT sla_due_at FROM ticket WHERE id = $1) < (SELECT sla_due_at FROM ticket WHERE id = $2) AS sooner`, [loanId, trainingId]);
    expect(due.sooner).toBe(true);
    await saveScreenshot(page, 'desk-queue');

    // Routing gave both to the only clerk of these desks: nothing is unassigned.
    await page.getByLabel('经办人').click();
    await page.getByTitle('未指派', { exact: true }).click();
    await page.waitForURL(/[?&]assigneeId=none/);
    await page.getByText('队列中没有工单').waitFor();
    await page.goto('/');
    await page.getByLabel('搜索').fill('培训');
    await page.getByLabel('搜索').press('Enter');
    await page.waitForURL(/[?&]q=%E5%9F%B9%E8%AE%AD/);
    await page.getByText('在办工单：1 件').waitFor();
    await expect(rows.locator('a').allTextContents()).resolves.toEqual(['企业管理培训']);
  }, 120_000);

  it('accepts, answers the proposal for the provider, records the service and completes', async () => {
    const page = await clerkPage();
    await page.getByRole('link', { name: '对接园区贷融资渠道' }).click();
    await page.waitForURL(`**/tickets/${loanId}`);
    for (const verb of ['受理', '要求补充', '驳回', '退单', '指派']) await page.getByRole('button', { name: verb, exact: true }).waitFor();
    // Status-wise a routed ticket may also be rerouted or cancelled, but not by a desk.
    for (const verb of ['改派', '撤回', '匹配', '办结']) await expect(page.getByRole('button', { name: verb, exact: true }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: '受理', exact: true }).click();
    const accept = await openedDialog(page, '受理');
    await chooseOption(page, accept.getByLabel('优先级'), '高');
    await accept.getByTitle('高', { exact: true }).waitFor();
    await accept.getByRole('button', { name: '提交' }).click();

    // The worker proposes the provider; the page shows it by itself, with the ranking's reasons.
    const proposal = page.getByRole('listitem', { name: '徽商银行合肥分行（待服务机构答复）' });
    await proposal.waitFor({ timeout: 15_000 });
    await proposal.getByText('推荐理由：服务园区所在城市 · 标签吻合 1 项').waitFor();
    expect(await ticketRow(loanId)).toMatchObject({ status: 'matching', priority: 'high' });
    await ctx.waitFor(async () => (await page.locator('.ant-message-notice').count()) === 0, 10_000, '受理成功 to fade');
    await saveScreenshot(page, 'desk-ticket');

    await page.getByRole('button', { name: '匹配', exact: true }).click();
    const match = await openedDialog(page, '匹配');
    await match.getByRole('radio', { name: /徽商银行合肥分行.*当前推荐（待答复）.*服务园区所在城市/ }).waitFor();
    await match.getByRole('radio', { name: /芜湖扬子农商银行.*同省服务机构/ }).waitFor();
    await match.getByRole('button', { name: '取消' }).click();

    await proposal.getByRole('button', { name: '代为接受' }).click();
    await (await openedDialog(page, '代为接受')).getByRole('button', { name: '确认接受' }).click();
    await page.getByRole('listitem', { name: '徽商银行合肥分行（已接受）' }).waitFor();
    const [answered] = await ctx.sql(`SELECT status, answered_via, answered_by FROM ticket_match WHERE ticket_id = $1`, [loanId]);
    expect(answered).toEqual({ status: 'accepted', answered_via: 'staff', answered_by: clerk.id });
    await waitStatus(loanId, 'matched');

    await page.getByRole('button', { name: '记录服务' }).click();
    const activity = await openedDialog(page, '记录服务');
    await chooseOption(page, activity.getByLabel('服务形式'), '融资对接');
    await activity.getByLabel('服务内容').fill('组织银企对接会，走访企业 5 家');
    await activity.getByRole('button', { name: '提交' }).click();
    await page.getByText('2026-11-18 · 融资对接').waitFor();
    const activities = await ctx.sql(`SELECT day::text AS day, kind, notes, recorded_by FROM ticket_activity WHERE ticket_id = $1`, [loanId]);
    expect(activities).toEqual([{ day: '2026-11-18', kind: 'financing_session', notes: '组织银企对接会，走访企业 5 家', recorded_by: clerk.id }]);

    await page.getByRole('button', { name: '办结' }).click();
    const complete = await openedDialog(page, '办结');
    await complete.getByLabel('办理结果').fill('促成园区贷授信 3000 万元');
    await complete.getByRole('button', { name: '提交' }).click();
    await page.getByText('窗口已办结：促成园区贷授信 3000 万元').waitFor();
    await page.getByText('待确认办结').first().waitFor();
    expect(await ticketRow(loanId)).toMatchObject({ status: 'completed', outcome: '促成园区贷授信 3000 万元' });
    for (const verb of ['记录服务', '办结', '匹配']) await expect(page.getByRole('button', { name: verb, exact: true }).count()).resolves.toBe(0);
  }, 180_000);

  it('stops polling in a hidden tab; a stale form gets the 409, and the page says what is allowed now', async () => {
    const page = await clerkPage();
    await page.goto(`/tickets/${trainingId}`);
    await page.getByRole('button', { name: '受理', exact: true }).waitFor();
    await page.evaluate(`(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    })()`);
    await page.waitForTimeout(500); // a load already under way may finish
    const polled: string[] = [];
    page.on('request', (r) => r.url().includes('/api/v1/tickets') && polled.push(r.url()));
    await page.waitForTimeout(4_000);
    expect(polled).toEqual([]);

    await page.getByRole('button', { name: '受理', exact: true }).click();
    const accept = await openedDialog(page, '受理');
    const asked = await ctx.request('POST', `/api/v1/tickets/${trainingId}/request-info`, { token: clerk.token, body: { question: '请补充参训人数' } });
    expect(asked.status).toBe(200);
    await accept.getByRole('button', { name: '提交' }).click();

    const refusal = page.getByText(/工单当前状态为 needs_info，不能执行 accept（当前状态：待补充信息；现在可以：.*驳回/);
    await refusal.waitFor();
    await page.getByText('窗口要求补充信息：请补充参训人数').waitFor();
    await page.getByRole('button', { name: '驳回' }).waitFor();
    await expect(page.getByRole('button', { name: '受理', exact: true }).count()).resolves.toBe(0);
    expect((await ticketRow(trainingId)).status).toBe('needs_info');
    expect(await ctx.sql(`SELECT 1 FROM event WHERE aggregate_id = $1 AND name = 'ticket.accepted'`, [trainingId])).toEqual([]);
  }, 120_000);

  it('shows similar tickets of other zones on a ticket, best first, each opening its page', async () => {
    const wuhu = await ctx.newZone({ name: '芜湖经开区', city: '芜湖市' });
    const wuhuToken = (await ctx.newUser('zone_manager', { zoneId: wuhu.id })).token;
    const filed = await ctx.request('POST', '/api/v1/demand-lists', {
      token: wuhuToken,
      body: {
        title: '芜湖经开区需求清单',
        items: [
          { type: 'finance', title: '中小企业融资难问题', description: '中小微企业缺少抵押物，流动资金紧张，希望推出园区贷等信用贷款产品。', tags: ['园区贷'] },
          { type: 'finance', title: '后备企业上市辅导', description: '拟上市企业希望券商开展一对一上市辅导。' },
          { type: 'media', title: '小微企业信用贷款宣传', description: '宣传园区贷等信用贷款产品。' },
        ],
      },
    });
    expect(filed.status).toBe(201);
    const [similarId, ipoId, mediaId] = filed.body.tickets.map((t: { id: string }) => t.id);
    await waitStatus(similarId, 'routed');

    const page = await clerkPage();
    await page.goto(`/tickets/${loanId}`);
    const card = page.locator('.ant-card').filter({ has: page.getByText('相似工单', { exact: true }) });
    const first = card.getByRole('listitem').first();
    await first.getByRole('link', { name: '中小企业融资难问题' }).waitFor();
    await first.getByText('芜湖经开区').waitFor();
    await first.getByLabel(/^相似度 \d+%$/).waitFor();
    // The clerk's desks are finance and training: a media ticket, however alike, is not theirs to read.
    await expect(card.getByRole('link', { name: '小微企业信用贷款宣传' }).count()).resolves.toBe(0);
    const api = await ctx.request('GET', `/api/v1/tickets/${loanId}/similar`, { token: clerk.token });
    expect(api.body.items[0]).toMatchObject({ ticketId: similarId, zoneName: '芜湖经开区' });
    expect(api.body.items.map((i: { ticketId: string }) => i.ticketId)).not.toContain(mediaId);
    expect(api.body.items.findIndex((i: { ticketId: string }) => i.ticketId === ipoId)).not.toBe(0);
    await saveScreenshot(page, 'desk-similar-tickets');

    await first.getByRole('link', { name: '中小企业融资难问题' }).click();
    await page.waitForURL(`**/tickets/${similarId}`);
    await page.locator('main h1', { hasText: '中小企业融资难问题' }).waitFor();
    // Its own similar tickets: the first one's, never itself.
    await first.getByRole('link', { name: '对接园区贷融资渠道' }).waitFor();
    await expect(card.getByRole('link', { name: '中小企业融资难问题' }).count()).resolves.toBe(0);
  }, 120_000);
});
