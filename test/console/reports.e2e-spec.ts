import type { Page } from 'playwright-core';
import { chooseOption, ConsoleBrowser, TEST_ADMIN, TestContext } from '@enterpark/testing';

/**
 * A coordinator in a real Chromium opens 排行榜 (the zones of November 2026, the weights
 * changed through the form) and 通报 (a draft downloaded, October issued by hand and listed).
 * The server runs on the test clock (2026-11-23); the rankings' period is given in the address.
 */
describe('排行榜 and 通报 in the console', () => {
  let ctx: TestContext;
  let browser: ConsoleBrowser;
  let page: Page;

  beforeAll(async () => {
    ctx = await TestContext.create();
    const coordinator = await ctx.coordinatorToken();
    for (const name of ['合肥经开区', '芜湖经开区']) {
      const zone = await ctx.newZone({ name });
      const res = await ctx.request('POST', '/api/v1/demand-lists', { token: coordinator, body: { title: `${name}清单`, zoneId: zone.id, items: [{ type: 'finance', title: '园区贷' }] } });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    }
    browser = await ConsoleBrowser.launch(ctx.baseUrl);
    page = await browser.newPage();
    await browser.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
  }, 120_000);
  afterEach(() => browser?.closePages([page]));
  afterAll(async () => {
    await browser?.close();
    await ctx.close();
  });

  it('shows the league table of zones and lets the coordinator change the weights', async () => {
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '排行榜' }).waitFor();
    await page.goto('/rankings?period=2026-11&by=zone');
    await page.getByRole('heading', { name: '排行榜' }).waitFor();
    await page.getByText('2026年11月园区排行榜').waitFor();
    for (const name of ['合肥经开区', '芜湖经开区']) await page.getByRole('row').filter({ hasText: name }).filter({ hasText: '0.0%' }).waitFor();
    await page.getByRole('button', { name: '导出 Excel' }).waitFor();

    await page.getByLabel('办结率', { exact: true }).fill('0.4');
    await page.getByLabel('（1 − 退单率）').fill('0');
    await page.getByRole('button', { name: '保存权重' }).click();
    await page.getByText('权重已保存').waitFor();
    expect(await ctx.sql(`SELECT completion::float8, on_time::float8, satisfaction::float8, returns::float8 FROM ranking_weights`)).toEqual([{ completion: 0.4, on_time: 0.3, satisfaction: 0.3, returns: 0 }]);
  }, 60_000);

  it('downloads a draft and issues an ended month, which then shows in the list', async () => {
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '通报' }).click();
    await page.getByRole('heading', { name: '通报' }).waitFor();
    await page.getByText('暂无已印发的通报').waitFor();
    await chooseOption(page, page.getByLabel('通报期间'), '2026年10月');
    const [draft] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '预览草稿' }).click()]);
    expect(draft.suggestedFilename()).toBe('全省“进园区”服务工作情况通报（2026年10月）（草稿）.docx');
    await page.getByRole('button', { name: '印 发' }).or(page.getByRole('button', { name: '印发' })).click();
    await page.getByText('已印发《全省"进园区"服务工作情况通报（2026年10月）》，邮件发送中').waitFor();
    await page.getByRole('cell', { name: '全省"进园区"服务工作情况通报（2026年10月）' }).waitFor();
    expect(await ctx.sql(`SELECT period FROM bulletin`)).toEqual([{ period: '2026-10' }]);
  }, 60_000);
});
