import { ConsoleBrowser, openedDialog, saveScreenshot, TEST_ADMIN, TEST_PASSWORD, TestContext } from '@enterpark/testing';

/**
 * 问题归集 and 经验模板 in a real Chromium, against the real API and worker: a coordinator
 * groups a suggestion into a problem and resolves it; a desk clerk applies a published
 * template to a similar ticket. The database is the witness.
 */
describe('problems and templates in the console', () => {
  let ctx: TestContext;
  let browser: ConsoleBrowser;
  let coordinator: string;
  let clerk: { email: string; token: string };
  let manager: string;
  const ids: Record<string, string> = {};

  const post = async (path: string, token: string, body: unknown = {}) => {
    const res = await ctx.request('POST', `/api/v1${path}`, { token, body });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    ctx = await TestContext.create();
    coordinator = await ctx.coordinatorToken();
    const hefei = await ctx.newZone({ name: '合肥经开区', city: '合肥市' });
    const wuhu = await ctx.newZone({ name: '芜湖经开区', city: '芜湖市' });
    manager = (await ctx.newUser('zone_manager', { zoneId: hefei.id, name: '王建国' })).token;
    const desk = await ctx.newUser('desk_staff', { desks: ['finance', 'training'], name: '李敏' });
    clerk = { email: desk.user.email, token: desk.token };
    const provider = await post('/providers', coordinator, { name: '徽商银行合肥分行', kind: 'bank', serviceTypes: ['finance'], capacity: 10, cities: ['合肥市', '芜湖市'], email: 'loan@bank.example.cn' });
    const file = async (zoneId: string, items: { type: string; title: string; description: string }[]) => (await post('/demand-lists', coordinator, { title: '需求清单', zoneId, items })).tickets.map((t: { id: string }) => t.id);
    [ids.hefeiLand, ids.loanDone] = await file(hefei.id, [
      { type: 'precision_service', title: '工业用地指标不足', description: '园区新增项目用地指标紧张，土地供应不足，项目无法落地。' },
      { type: 'finance', title: '对接园区贷融资渠道', description: '园区中小企业缺少抵押物，希望对接园区贷融资产品。' },
    ]);
    [ids.wuhuLand, ids.loanNew] = await file(wuhu.id, [
      { type: 'precision_service', title: '项目用地指标紧张', description: '新增工业项目用地指标不足，土地供应跟不上项目落地。' },
      { type: 'finance', title: '中小企业园区贷融资需求', description: '园区中小企业缺少抵押物，希望银行提供园区贷融资产品。' },
    ]);
    await ctx.waitFor(async () => (await ctx.sql(`SELECT count(*)::int AS n FROM ticket WHERE status = 'submitted'`))[0].n === 0, 20_000, 'routed');
    // One finance ticket served, closed and rated 5, written up as a published template.
    await post(`/tickets/${ids.loanDone}/match`, coordinator, { providerId: provider.id }).catch(async () => {
      await post(`/tickets/${ids.loanDone}/accept`, clerk.token, { priority: 'normal' });
      await ctx.waitFor(async () => (await ctx.sql(`SELECT status FROM ticket WHERE id = $1`, [ids.loanDone]))[0].status === 'matching', 20_000, 'matching');
      await post(`/tickets/${ids.loanDone}/match`, clerk.token, { providerId: provider.id });
    });
    await post(`/tickets/${ids.loanDone}/activities`, clerk.token, { date: '2026-11-20', kind: 'financing_session', notes: '组织银企对接会，5 家企业获得授信' });
    await post(`/tickets/${ids.loanDone}/complete`, clerk.token, { outcome: '促成园区贷授信 3000 万元' });
    await post(`/tickets/${ids.loanDone}/confirm`, manager, { rating: 5, solved: true });
    const template = await post('/templates', clerk.token, { fromTicketId: ids.loanDone });
    ids.template = template.id;
    const published = await ctx.request('PATCH', `/api/v1/templates/${template.id}`, { token: clerk.token, body: { status: 'published', title: '园区贷融资对接经验' } });
    expect(published.status).toBe(200);
    browser = await ConsoleBrowser.launch(ctx.baseUrl);
  }, 180_000);
  afterEach(() => browser?.closePages());
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('a coordinator groups a suggestion into a problem and resolves it', async () => {
    const page = await browser.newPage();
    await browser.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '问题归集' }).click();
    const suggestion = page.getByRole('listitem', { name: /^归集建议：.*用地指标/ });
    await suggestion.waitFor();
    await suggestion.getByRole('button', { name: '归集' }).click();
    const dialog = await openedDialog(page, '归集');
    await dialog.getByLabel('问题名称').fill('园区用地指标不足');
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.getByRole('heading', { name: '园区用地指标不足' }).waitFor();
    await page.getByRole('link', { name: '工业用地指标不足' }).waitFor();
    await page.getByRole('link', { name: '项目用地指标紧张' }).waitFor();
    await saveScreenshot(page, 'coordinator-problem');

    await page.getByRole('button', { name: '办结' }).click();
    const resolve = await openedDialog(page, '办结');
    await resolve.getByLabel('办理结果').fill('省自然资源厅统筹调剂新增建设用地指标，两园区项目已列入下一批次供地计划。');
    await resolve.getByRole('button', { name: '提交' }).click();
    await page.getByText('已办结').first().waitFor();
    const [problem] = await ctx.sql(`SELECT id, status, resolution FROM problem`);
    expect(problem).toMatchObject({ status: 'resolved', resolution: expect.stringContaining('新增建设用地指标') });
    const linked = await ctx.sql(`SELECT ticket_id FROM problem_ticket WHERE problem_id = $1 ORDER BY ticket_id`, [problem.id]);
    expect(linked.map((r) => r.ticket_id).sort()).toEqual([ids.hefeiLand, ids.wuhuLand].sort());

    // The ticket page shows the problem and its resolution.
    await page.goto(`/tickets/${ids.hefeiLand}`);
    await page.getByText('省自然资源厅统筹调剂新增建设用地指标').first().waitFor();
  }, 90_000);

  it('a desk clerk applies a suggested template to a similar ticket', async () => {
    const page = await browser.newPage();
    await browser.signIn(page, clerk.email, TEST_PASSWORD, `/tickets/${ids.loanNew}`);
    const item = page.getByRole('listitem', { name: '经验模板：园区贷融资对接经验' });
    await item.waitFor();
    await item.getByRole('button', { name: '使用' }).click();
    await item.getByText('已使用').waitFor();
    await saveScreenshot(page, 'desk-ticket-template');
    expect(await ctx.sql(`SELECT template_id, ticket_id FROM template_use`)).toEqual([{ template_id: ids.template, ticket_id: ids.loanNew }]);

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '经验模板' }).click();
    await page.getByRole('link', { name: '园区贷融资对接经验' }).click();
    await page.getByRole('heading', { name: '园区贷融资对接经验' }).waitFor();
    // The owner may take it back to draft; it was used once, by a ticket not rated yet.
    await page.getByRole('button', { name: '撤回为草稿' }).waitFor();
    await expect(page.locator('.ant-descriptions-item').filter({ hasText: '使用次数' }).innerText()).resolves.toContain('1');
  }, 60_000);
});
