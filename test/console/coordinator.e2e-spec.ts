import type { Locator, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { chooseOption, ConsoleBrowser, openedDialog, pickOption, saveScreenshot, TEST_ADMIN, TEST_PASSWORD, TestContext, TestWebhookReceiver } from '@enterpark/testing';
import { NOTICE_2031 } from '../fixtures/calendar-notices';

/**
 * A coordinator in a real Chromium: creates a zone, a desk clerk and a provider through the
 * forms, rules on a returned ticket, reads and publishes the State Council's notice, and
 * reads the province dashboard; a viewer sees the dashboard and nothing that changes anything.
 * Against the real API and worker, with the database as the witness.
 */
describe('the coordinator and the viewer in the console', () => {
  let ctx: TestContext;
  let browser: ConsoleBrowser;
  let receiver: TestWebhookReceiver;
  /** One signed-in tab for the coordinator's tests, as a person keeps one open. */
  let page: Page;
  let coordinator: string;
  let staff: string;
  let viewerEmail: string;
  let returnedId: string;

  beforeAll(async () => {
    // The webhook receiver listens on 127.0.0.1, which registration refuses unless allowed.
    ctx = await TestContext.create({ env: { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_MS: '100' } });
    receiver = await TestWebhookReceiver.start();
    coordinator = await ctx.coordinatorToken();
    staff = (await ctx.newUser('desk_staff', { desks: ['media', 'finance', 'training', 'foreign_investment', 'party_building', 'precision_service'], name: '李敏' })).token;
    viewerEmail = (await ctx.newUser('viewer', { name: '厅领导' })).user.email;
    returnedId = await seedProvince();
    browser = await ConsoleBrowser.launch(ctx.baseUrl);
    page = await signedIn();
  }, 120_000);
  afterEach(() => browser?.closePages([page]));
  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await ctx.close();
  });

  const as = (token: string) => (path: string, body: unknown = {}) => ctx.request('POST', `/api/v1${path}`, { token, body });
  const ok = async (call: Promise<{ status: number; body: unknown }>) => {
    const res = await call;
    if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as any;
  };
  const statusOf = async (id: string) => (await ctx.sql(`SELECT status FROM ticket WHERE id = $1`, [id]))[0].status as string;
  const waitStatus = (id: string, status: string) => ctx.waitFor(async () => (await statusOf(id)) === status, 20_000, `ticket ${status}`);

  /** Three zones' lists, moved on by the desk so that the dashboard, 退单 and 督办 have something to show. */
  async function seedProvince(): Promise<string> {
    const zones = await Promise.all(
      [
        { name: '合肥经开区', city: '合肥市' },
        { name: '芜湖经开区', city: '芜湖市' },
        { name: '太和经开区', city: '阜阳市', level: 'provincial' as const },
      ].map((z) => ctx.newZone(z)),
    );
    const manager = (await ctx.newUser('zone_manager', { zoneId: zones[0].id, name: '王建国' })).token;
    await ok(as(coordinator)('/providers', { name: '安徽日报报业集团', kind: 'media', serviceTypes: ['media'], capacity: 5, email: 'media@ahrb.example.cn' }));
    const file = (zone: number, items: [string, string][]) =>
      ok(as(coordinator)('/demand-lists', { title: `${zones[zone].name}需求清单`, zoneId: zones[zone].id, items: items.map(([type, title]) => ({ type, title })) }));
    const [hefei, wuhu, taihe] = await Promise.all([
      file(0, [['media', '园区招商宣传片'], ['finance', '对接园区贷融资渠道'], ['training', '企业管理培训'], ['party_building', '智慧党建平台建设']]),
      file(1, [['foreign_investment', '中德合作项目对接'], ['finance', '产业基金对接'], ['precision_service', '园区发展问诊']]),
      file(2, [['training', '医药企业政策宣讲'], ['media', '短视频账号运营']]),
    ]);
    const ids = [...hefei.tickets, ...wuhu.tickets, ...taihe.tickets].map((t: { id: string }) => t.id);
    await Promise.all(ids.map((id) => waitStatus(id, 'routed')));
    const [video, , , party] = ids;
    const desk = as(staff);
    await ok(desk(`/tickets/${ids[4]}/return`, { reason: '属于招商引资，非外资合作事项', suggestedType: 'precision_service' }));
    await ok(desk(`/tickets/${ids[5]}/reject`, { reason: '已由市级基金覆盖' }));
    await ok(desk(`/tickets/${ids[7]}/request-info`, { question: '请补充参训人数' }));
    await ok(desk(`/tickets/${party}/accept`, { priority: 'normal' })); // no party-building provider: matching gives up → 督办
    await ok(desk(`/tickets/${video}/accept`, { priority: 'high' }));
    const proposal = await ctx.waitFor(async () => (await ctx.request('GET', `/api/v1/tickets/${video}/matches`, { token: staff })).body.items?.find((m: { status: string }) => m.status === 'proposed'), 20_000, 'a proposal');
    await ok(desk(`/matches/${proposal.id}/accept`));
    await ok(desk(`/tickets/${video}/activities`, { date: '2026-11-23', kind: 'media_coverage', notes: '拍摄园区招商宣传片' }));
    await ok(desk(`/tickets/${video}/complete`, { outcome: '宣传片已在安徽日报客户端发布' }));
    await ok(as(manager)(`/tickets/${video}/confirm`, { rating: 5, solved: true }));
    await ctx.waitFor(async () => (await ctx.sql(`SELECT 1 FROM ticket WHERE id = $1 AND matching_escalated_at IS NOT NULL`, [party])).length > 0, 20_000, 'matching escalated');
    return ids[4];
  }

  async function signedIn(email = TEST_ADMIN.email, password = TEST_ADMIN.password): Promise<Page> {
    const tab = await browser.newPage();
    await browser.signIn(tab, email, password);
    return tab;
  }

  /** Opens the antd select labelled `label` in `scope` and clicks the option shown as `option`. */
  const choose = (page: Page, scope: Locator, label: string, option: string) => chooseOption(page, scope.getByLabel(label, { exact: true }), option);

  it('creates a zone through the form; a code in use is refused on its field', async () => {
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '园区' }).click();
    await page.getByRole('heading', { name: '园区' }).waitFor();
    await page.getByRole('button', { name: '新建园区' }).click();
    const dialog = await openedDialog(page, '新建园区');
    await dialog.getByLabel('园区名称').fill('滁州经开区');
    await dialog.getByLabel('园区编码').fill('chuzhou-etdz');
    await choose(page, dialog, '级别', '国家级');
    await dialog.getByLabel('所在城市').fill('滁州市');
    await dialog.getByRole('button', { name: '创建' }).click();
    await page.getByRole('cell', { name: '滁州经开区' }).waitFor();
    expect(await ctx.sql(`SELECT code, name, level, city, province FROM zone WHERE code = 'chuzhou-etdz'`)).toEqual([
      { code: 'chuzhou-etdz', name: '滁州经开区', level: 'national', city: '滁州市', province: '安徽省' },
    ]);

    await page.getByRole('button', { name: '新建园区' }).click();
    await dialog.getByLabel('园区名称').fill('滁州经开区（重复）');
    await dialog.getByLabel('园区编码').fill('chuzhou-etdz');
    await dialog.getByLabel('所在城市').fill('滁州市');
    await dialog.getByRole('button', { name: '创建' }).click();
    await dialog.getByRole('alert').filter({ hasText: /园区编码 \S+ 已存在/ }).first().waitFor();
    expect(await ctx.sql(`SELECT count(*)::int AS n FROM zone WHERE code = 'chuzhou-etdz'`)).toEqual([{ n: 1 }]);
  }, 60_000);

  it('creates a desk clerk with two desks, who can then sign in', async () => {
    await page.goto('/users');
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = await openedDialog(page, '新建用户');
    await dialog.getByLabel('姓名').fill('赵融');
    await dialog.getByLabel('邮箱').fill('zhao.rong@enterpark.test');
    await dialog.getByLabel('初始密码').fill('Zhao-Passw0rd!');
    await choose(page, dialog, '角色', '窗口人员');
    await choose(page, dialog, '服务台', '金融进园区');
    await pickOption(page, '培训进园区');
    await dialog.getByLabel('姓名').click();
    await dialog.getByRole('button', { name: '创建' }).click();
    const row = page.getByRole('row').filter({ hasText: 'zhao.rong@enterpark.test' });
    await row.getByText('窗口人员').waitFor();
    await row.getByText('金融进园区').waitFor();
    const [user] = await ctx.sql(`SELECT id, name, role, zone_id FROM app_user WHERE email = 'zhao.rong@enterpark.test'`);
    expect(user).toMatchObject({ name: '赵融', role: 'desk_staff', zone_id: null });
    const desks = await ctx.sql(`SELECT desk FROM desk_member WHERE user_id = $1 ORDER BY desk`, [user.id]);
    expect(desks.map((d: { desk: string }) => d.desk)).toEqual(['finance', 'training']);
    await expect(ctx.login('zhao.rong@enterpark.test', 'Zhao-Passw0rd!')).resolves.toEqual(expect.any(String));

    await choose(page, page.locator('main'), '角色', '园区管理员');
    await page.getByRole('cell', { name: '王建国' }).waitFor();
    await expect(page.getByRole('cell', { name: '赵融' }).count()).resolves.toBe(0);
  }, 60_000);

  it('creates a provider and edits its capacity', async () => {
    await page.goto('/providers');
    await page.getByRole('button', { name: '新建服务机构' }).click();
    const dialog = await openedDialog(page, '新建服务机构');
    await dialog.getByLabel('机构名称').fill('徽商银行合肥分行');
    await choose(page, dialog, '机构类别', '银行');
    await choose(page, dialog, '服务类型', '金融进园区');
    await dialog.getByLabel('机构名称').click();
    await dialog.getByLabel('服务容量').fill('8');
    await dialog.getByLabel('联系邮箱').fill('loan@hsbank.example.cn');
    await dialog.getByLabel('服务城市').fill('合肥市');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: '创建' }).click();
    const row = page.getByRole('row').filter({ hasText: '徽商银行合肥分行' });
    await row.getByText('0 / 8').waitFor();
    const [provider] = await ctx.sql(`SELECT id, kind, service_types, capacity, cities, email, active FROM service_provider WHERE name = '徽商银行合肥分行'`);
    expect(provider).toMatchObject({ kind: 'bank', service_types: ['finance'], capacity: 8, cities: ['合肥市'], email: 'loan@hsbank.example.cn', active: true });

    await row.getByRole('button', { name: '编辑' }).click();
    const edit = await openedDialog(page, '编辑');
    await edit.getByLabel('服务容量').fill('12');
    await edit.getByRole('button', { name: '保存' }).click();
    await row.getByText('0 / 12').waitFor();
    expect(await ctx.sql(`SELECT capacity, name FROM service_provider WHERE id = $1`, [provider.id])).toEqual([{ capacity: 12, name: '徽商银行合肥分行' }]);
  }, 60_000);

  it('rules on a returned ticket with 改派, and lists the escalated one under 督办', async () => {
    await page.goto('/returns');
    const row = page.getByRole('row').filter({ hasText: '中德合作项目对接' });
    await row.getByText('属于招商引资，非外资合作事项').waitFor();
    await row.getByText('精准服务进园区').waitFor();
    await row.getByRole('button', { name: '改派' }).click();
    const dialog = await openedDialog(page, '改派');
    await dialog.getByLabel('改派说明').fill('按窗口建议改由精准服务窗口办理');
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.getByText('没有待裁定的退单').waitFor();
    const [ticket] = await ctx.sql(`SELECT type, status FROM ticket WHERE id = $1`, [returnedId]);
    expect(ticket.type).toBe('precision_service');
    expect(ticket.status).not.toBe('returned');

    await page.goto('/escalations');
    const escalated = page.getByRole('row').filter({ hasText: '智慧党建平台建设' });
    await escalated.getByText('无可匹配的服务机构，需人工匹配').waitFor();
    await escalated.getByText('合肥经开区').waitFor();
  }, 60_000);

  it('reads the State Council notice: a preview of its days, then 发布', async () => {
    await page.goto('/calendar');
    await page.getByText('日历状态').waitFor();
    await page.getByLabel('2026-10-01 国庆节放假').waitFor();
    await page.getByLabel('2026-09-20 国庆节调休上班').waitFor();
    await page.getByLabel('年份').fill('2031');
    await page.getByLabel('通知全文').fill(NOTICE_2031);
    await page.getByRole('button', { name: '预览' }).click();
    const preview = page.getByRole('region', { name: '通知预览' });
    await preview.getByText('2031 年：放假 17 天，调休上班 4 天（预览，尚未发布）').waitFor();
    await preview.getByRole('row').filter({ hasText: '2031-01-19' }).getByText('上班').waitFor();
    expect(await ctx.sql(`SELECT count(*)::int AS n FROM calendar_day WHERE day >= '2031-01-01'`)).toEqual([{ n: 0 }]);
    await saveScreenshot(page, 'coordinator-calendar');

    await preview.getByRole('button', { name: '发布' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '发布' }).click();
    await page.getByLabel('2031-01-22 春节放假').waitFor();
    await page.getByLabel('2031-02-08 春节调休上班').waitFor();
    const days = await ctx.sql(`SELECT kind, count(*)::int AS n FROM calendar_day WHERE day BETWEEN '2031-01-01' AND '2031-12-31' GROUP BY kind ORDER BY kind`);
    expect(days).toEqual([
      { kind: 'holiday', n: 17 },
      { kind: 'workday', n: 4 },
    ]);
  }, 60_000);

  it('reads the province dashboard; each figure opens the filtered ticket list', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: '全省概览' }).waitFor();
    await page.getByRole('link', { name: '工单总数：9 件' }).waitFor();
    await page.getByRole('link', { name: '已办结：1 件' }).waitFor();
    const league = page.getByRole('row').filter({ hasText: '合肥经开区' });
    await league.getByRole('cell', { name: '25%' }).waitFor();
    await page.locator('svg').first().waitFor();
    await saveScreenshot(page, 'coordinator-dashboard');

    await page.getByRole('navigation', { name: '按服务类型' }).getByRole('link', { name: '金融进园区 2' }).click();
    await page.waitForURL('**/tickets?type=finance');
    await page.getByRole('link', { name: '对接园区贷融资渠道' }).waitFor();
    await page.getByRole('link', { name: '产业基金对接' }).waitFor();

    await page.goto('/');
    await league.getByRole('link', { name: '合肥经开区' }).click();
    await page.waitForURL(/\/tickets\?zoneId=[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: '智慧党建平台建设' }).waitFor();
    await expect(page.getByRole('link', { name: '产业基金对接' }).count()).resolves.toBe(0);
  }, 60_000);

  it('shows a viewer the dashboard, tickets and lists without a button that changes anything', async () => {
    const viewer = await signedIn(viewerEmail, TEST_PASSWORD);
    await viewer.getByRole('link', { name: '工单总数：9 件' }).waitFor();
    await expect(viewer.getByRole('button').allTextContents()).resolves.toEqual(['修改密码', '退出登录']);
    const nav = viewer.getByRole('navigation', { name: '主导航' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(['全省概览', '工单', '需求清单', '排行榜', '通报', '问题归集', '经验模板', '通知设置']);

    await nav.getByRole('link', { name: '需求清单' }).click();
    await viewer.getByRole('link', { name: '合肥经开区需求清单' }).click();
    await viewer.getByRole('link', { name: '园区招商宣传片' }).click();
    await viewer.getByRole('heading', { name: '园区招商宣传片' }).waitFor();
    await viewer.getByText('安徽日报报业集团').waitFor();
    await expect(viewer.getByRole('button').allTextContents()).resolves.toEqual(['修改密码', '退出登录']);

    await viewer.goto('/zones');
    await viewer.getByText('页面不存在').first().waitFor();
  }, 60_000);

  it('sets a type\'s SLA targets, previews a person\'s digest and runs a week', async () => {
    await page.goto('/sla-targets');
    await page.getByLabel('金融进园区受理时限').fill('3');
    await page.getByRole('form', { name: '金融进园区时限' }).getByRole('button', { name: '保存' }).click();
    await page.getByText('金融进园区的时限已保存').waitFor();
    expect(await ctx.sql(`SELECT triage_days, matching_days, service_days FROM sla_target WHERE type = 'finance'`)).toEqual([{ triage_days: 3, matching_days: 5, service_days: 20 }]);

    // Digests go to those who had an account during the week: the viewer's dates from before it.
    await ctx.sql(`UPDATE app_user SET created_at = '2026-11-02T00:00:00+08:00' WHERE email = $1`, [viewerEmail]);
    await page.goto('/digests');
    await choose(page, page.locator('main'), '收件人', `厅领导（查看者，${viewerEmail}）`);
    await page.getByRole('button', { name: '预览' }).click();
    const digest = page.frameLocator('iframe[title="周报预览"]');
    await digest.getByText('进园区服务周报').first().waitFor();
    await digest.getByText('2026年第47周').first().waitFor();

    // The worker's scheduler may have planned the week already: a run then plans nothing again.
    await page.getByRole('button', { name: '生成并发送' }).click();
    const result = await page.getByRole('status').filter({ hasText: '2026-W47：' }).textContent();
    const [, planned, already] = /新生成 (\d+) 份.*，(\d+) 份此前已生成/.exec(result ?? '') ?? [];
    const [digests] = await ctx.sql(`SELECT count(*)::int AS n FROM digest WHERE week = '2026-W47'`);
    expect(Number(planned) + Number(already)).toBe(digests.n);
    expect(digests.n).toBeGreaterThan(0);
  }, 60_000);

  it('opens the queue dashboard from 队列监控 in a new tab, signed in without the token in its address', async () => {
    await page.goto('/queues');
    const [board] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: '打开队列监控' }).click()]);
    await board.getByText('进园区 · 队列监控').first().waitFor();
    await board.getByText('routing').first().waitFor();
    await board.getByText('个作业').first().waitFor();
    expect(new URL(board.url()).pathname).toBe('/admin/queues');
    expect(board.url()).not.toContain('access_token');
    await saveScreenshot(board, 'coordinator-queues', { fullPage: false });
    await board.close();
  }, 60_000);

  it('registers a webhook, shows its secret once, lists its deliveries and deletes it', async () => {
    await page.goto('/webhooks');
    await page.getByRole('button', { name: '新建 Webhook' }).click();
    const dialog = await openedDialog(page, '新建 Webhook');
    await dialog.getByLabel('接收地址').fill(receiver.url('/console'));
    await dialog.getByLabel('说明').fill('园区数据中台');
    await choose(page, dialog, '订阅事件', '工单已提交（ticket.submitted）');
    await dialog.getByLabel('说明').click();
    await dialog.getByRole('button', { name: '创建' }).click();
    const shown = await openedDialog(page, 'Webhook 已创建');
    const secret = (await shown.getByLabel('签名密钥').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^whsec_/);
    await shown.getByRole('button', { name: '我已保存' }).click();
    await page.getByRole('row').filter({ hasText: '园区数据中台' }).getByText('启用').waitFor();
    await page.getByText(secret).waitFor({ state: 'detached' });
    expect(await ctx.sql(`SELECT url, events, description, secret FROM webhook_endpoint`)).toEqual([
      { url: receiver.url('/console'), events: ['ticket.submitted'], description: '园区数据中台', secret },
    ]);

    const zone = await ctx.newZone({ name: '铜陵经开区' });
    await ok(as(coordinator)('/demand-lists', { title: '铜陵经开区需求清单', zoneId: zone.id, items: [{ type: 'training', title: '招商人员培训' }] }));
    const [delivery] = await ctx.waitFor(async () => (receiver.at('/console').length ? receiver.at('/console') : null), 20_000, 'a delivery');
    expect(new Webhook(secret).verify(delivery.body, delivery.headers as Record<string, string>)).toMatchObject({ type: 'ticket.submitted' });

    const row = page.getByRole('row').filter({ hasText: '园区数据中台' });
    await row.getByRole('button', { name: '投递记录' }).click();
    const log = await openedDialog(page, `投递记录：${receiver.url('/console')}`);
    await log.getByRole('row').filter({ hasText: '工单已提交' }).getByText('已送达').waitFor();
    await log.getByRole('button', { name: 'Close' }).or(log.getByRole('button', { name: '关闭' })).first().click();

    await row.getByRole('button', { name: '删除' }).click();
    const confirm = page.locator('.ant-popconfirm').filter({ hasText: '删除后不再向此地址推送' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: '删除' }).click();
    // Under CI load the delete and the reload that follows can take longer than the default wait.
    await page.getByText('Webhook 已删除，待投递的消息已取消').waitFor({ timeout: 20_000 });
    await page.getByText('暂无 Webhook').waitFor({ timeout: 20_000 });
    expect(await ctx.sql(`SELECT deleted_at IS NOT NULL AS deleted FROM webhook_endpoint`)).toEqual([{ deleted: true }]);
  }, 60_000);
});
