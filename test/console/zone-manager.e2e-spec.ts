import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { ConsoleBrowser, DESKTOP, openedDialog, PHONE, readTestWorkbook, saveScreenshot, TEST_PASSWORD, TestContext, testWorkbook } from '@enterpark/testing';

/**
 * A zone manager in a real Chromium: files a list with two items (a double click files it
 * once), follows it, answers the desk's question, confirms the completed ticket with a
 * rating and withdraws the other, imports a list from the zone's own workbook and exports
 * the tickets — against the real API and worker, with the database as the witness.
 */
describe('the zone manager in the console', () => {
  let ctx: TestContext;
  let browser: ConsoleBrowser;
  let managerEmail: string;
  let staff: string;
  let listId: string;
  let loanId: string;
  let trainingId: string;
  const LIST_TITLE = '2026年第四季度合肥经开区需求清单';

  beforeAll(async () => {
    ctx = await TestContext.create();
    const zone = await ctx.newZone({ name: '合肥经开区', city: '合肥市' });
    managerEmail = (await ctx.newUser('zone_manager', { zoneId: zone.id, name: '王建国' })).user.email;
    staff = (await ctx.newUser('desk_staff', { desks: ['finance', 'training'], name: '李敏' })).token;
    const coordinator = await ctx.coordinatorToken();
    const provider = await ctx.request('POST', '/api/v1/providers', {
      token: coordinator,
      body: { name: '徽商银行合肥分行', kind: 'bank', serviceTypes: ['finance'], capacity: 5, cities: ['合肥市'], tags: ['园区贷'], email: 'loan@bank.example.cn' },
    });
    expect(provider.status).toBe(201);
    browser = await ConsoleBrowser.launch(ctx.baseUrl);
  });
  afterEach(() => browser?.closePages());
  afterAll(async () => {
    await browser?.close();
    await ctx.close();
  });

  const post = (path: string, body: unknown = {}) => ctx.request('POST', `/api/v1${path}`, { token: staff, body });
  const ticketStatus = async (id: string) => (await ctx.sql(`SELECT status FROM ticket WHERE id = $1`, [id]))[0].status as string;
  const waitStatus = (id: string, status: string) => ctx.waitFor(async () => (await ticketStatus(id)) === status, 15_000, `ticket ${status}`);

  async function signedIn(viewport = DESKTOP): Promise<Page> {
    const page = await browser.newPage(viewport);
    await browser.signIn(page, managerEmail, TEST_PASSWORD);
    return page;
  }

  async function chooseType(page: Page, row: number, name: string) {
    await page.getByLabel('服务类型').nth(row).click();
    await page.getByLabel('服务类型').nth(row).fill(name);
    await page.keyboard.press('Enter');
  }

  it('files a list with two items inline; a double click files it once', async () => {
    const page = await signedIn();
    await page.getByRole('button', { name: '新建需求清单' }).click();
    await page.waitForURL('**/demand-lists/new');
    await page.getByLabel('清单标题').fill(LIST_TITLE);
    await page.getByLabel('期次').fill('2026-Q4');
    await chooseType(page, 0, '金融进园区');
    await page.getByLabel('事项标题').nth(0).fill('对接园区贷融资渠道');
    await page.getByLabel('需求说明').nth(0).fill('园区 12 家企业有流动资金需求，合计约 5000 万元');
    await page.getByRole('button', { name: '添加一项' }).click();
    await chooseType(page, 1, '培训');
    await page.getByLabel('事项标题').nth(1).fill('企业管理培训');
    await saveScreenshot(page, 'zone-new-list');
    await page.getByRole('button', { name: '提交清单' }).dblclick();

    await page.waitForURL(/\/demand-lists\/[0-9a-f-]{36}$/);
    listId = page.url().split('/').at(-1)!;
    await page.getByRole('heading', { name: LIST_TITLE }).waitFor();
    await page.getByRole('link', { name: '对接园区贷融资渠道' }).waitFor();
    await page.getByRole('link', { name: '企业管理培训' }).waitFor();
    await page.getByText('已办结 0 / 2').first().waitFor();

    const lists = await ctx.sql(`SELECT id, period, idempotency_key FROM demand_list WHERE title = $1`, [LIST_TITLE]);
    expect(lists).toEqual([{ id: listId, period: '2026-Q4', idempotency_key: expect.stringMatching(/^console-[0-9a-f]{32}$/) }]);
    const tickets = await ctx.sql(`SELECT id, type, title, description FROM ticket WHERE demand_list_id = $1 ORDER BY seq`, [listId]);
    expect(tickets).toMatchObject([
      { type: 'finance', title: '对接园区贷融资渠道', description: '园区 12 家企业有流动资金需求，合计约 5000 万元' },
      { type: 'training', title: '企业管理培训', description: null },
    ]);
    [loanId, trainingId] = tickets.map((t: { id: string }) => t.id);
    await waitStatus(loanId, 'routed');
    await page.reload();
    await page.getByText('已分派').first().waitFor();
    await saveScreenshot(page, 'zone-list-detail');

    await page.getByRole('link', { name: '需求清单' }).click();
    await page.getByRole('link', { name: LIST_TITLE }).waitFor();
    await page.getByText('已办结 0 / 2').waitFor();
  }, 120_000);

  it('answers the desk\'s question from 待我处理', async () => {
    await waitStatus(trainingId, 'routed');
    expect((await post(`/tickets/${trainingId}/request-info`, { question: '请补充参训人数与期望培训时间' })).status).toBe(200);
    const page = await signedIn();
    const waiting = page.getByRole('region', { name: '需补充信息' });
    await waiting.getByRole('link', { name: '企业管理培训' }).waitFor();
    await waiting.getByRole('button', { name: '补充信息' }).click();
    await page.waitForURL(`**/tickets/${trainingId}`);
    await page.getByRole('button', { name: '补充信息' }).click();
    const dialog = await openedDialog(page, '补充信息');
    await dialog.getByText('窗口的问题：请补充参训人数与期望培训时间').waitFor();
    await dialog.getByLabel('补充内容').fill('参训约 60 人，希望安排在 12 月中旬');
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.getByText('园区已补充信息：参训约 60 人，希望安排在 12 月中旬').waitFor();
    expect(await ticketStatus(trainingId)).not.toBe('needs_info');
  }, 120_000);

  it('confirms the completed ticket with a rating on a phone, from the 确认办结 link', async () => {
    await waitStatus(loanId, 'routed');
    expect((await post(`/tickets/${loanId}/accept`, { priority: 'high' })).status).toBe(200);
    const proposal = await ctx.waitFor(async () => {
      const m = await ctx.request('GET', `/api/v1/tickets/${loanId}/matches`, { token: staff });
      return m.body.items?.find((x: { status: string }) => x.status === 'proposed');
    }, 15_000, 'a proposal');
    expect((await post(`/matches/${proposal.id}/accept`)).status).toBe(200);
    expect((await post(`/tickets/${loanId}/activities`, { date: '2026-11-20', kind: 'financing_session', notes: '组织银企对接会，走访企业 5 家' })).status).toBe(200);
    expect((await post(`/tickets/${loanId}/complete`, { outcome: '促成园区贷授信 3000 万元' })).status).toBe(200);

    const page = await signedIn(PHONE);
    const waiting = page.getByRole('region', { name: '待确认办结' });
    await waiting.getByRole('link', { name: '对接园区贷融资渠道' }).waitFor();
    await saveScreenshot(page, 'zone-home-phone');
    await waiting.getByRole('button', { name: '确认办结' }).click();
    await page.waitForURL(`**/tickets/${loanId}?action=confirm`);
    const dialog = await openedDialog(page, '确认办结');
    await dialog.locator('.ant-rate-star').nth(3).click();
    await dialog.getByLabel('评价').click(); // the pointer leaves the stars: they show the rating, not the hover
    await dialog.getByLabel('评价').fill('对接及时，授信落地快');
    await dialog.locator('.ant-rate-star-full').nth(3).waitFor();
    await expect(dialog.locator('.ant-rate-star-full').count()).resolves.toBe(4);
    await saveScreenshot(page, 'zone-confirm-phone', { fullPage: false });
    await dialog.getByRole('button', { name: '提交' }).click();

    await page.getByText('园区确认办结：4 星，问题已解决，对接及时，授信落地快').waitFor({ timeout: 20_000 });
    await page.getByText('已办结', { exact: true }).first().waitFor();
    await page.getByText('徽商银行合肥分行').waitFor();
    await page.getByText('组织银企对接会，走访企业 5 家').waitFor();
    await expect(page.getByRole('button', { name: '确认办结' }).count()).resolves.toBe(0);
    const [row] = await ctx.sql(`SELECT status, rating FROM ticket WHERE id = $1`, [loanId]);
    expect(row).toEqual({ status: 'closed', rating: 4 });
    const [confirmed] = await ctx.sql(`SELECT payload FROM event WHERE aggregate_id = $1 AND name = 'ticket.confirmed'`, [loanId]);
    expect(confirmed.payload).toMatchObject({ rating: 4, solved: true, comment: '对接及时，授信落地快' });
    await saveScreenshot(page, 'zone-ticket-closed-phone');

    const desktop = await signedIn();
    await desktop.goto(`/demand-lists/${listId}`);
    await desktop.getByText('已办结 1 / 2').waitFor();
    await desktop.goto('/');
    await desktop.getByRole('heading', { name: '首页' }).waitFor();
    await saveScreenshot(desktop, 'zone-home');
  }, 180_000);

  it('withdraws (撤回) a ticket not yet matched, with its reason', async () => {
    const page = await signedIn();
    await page.goto(`/tickets/${trainingId}`);
    await page.getByRole('button', { name: '撤回' }).click();
    const dialog = await openedDialog(page, '撤回');
    await dialog.getByRole('button', { name: '确认撤回' }).click();
    await dialog.getByText('请填写撤回原因').waitFor(); // nothing sent without a reason
    await dialog.getByLabel('撤回原因').fill('培训需求已由省商务厅统一安排');
    await dialog.getByRole('button', { name: '确认撤回' }).click();
    await page.getByText('园区已撤回：培训需求已由省商务厅统一安排').waitFor();
    await page.getByText('已撤回', { exact: true }).first().waitFor();
    await expect(page.getByRole('button', { name: '撤回' }).count()).resolves.toBe(0);
    expect(await ticketStatus(trainingId)).toBe('cancelled');
  }, 120_000);

  it('imports a list from the zone\'s own workbook: the bad rows in a table, then a preview, then filed once', async () => {
    const page = await signedIn();
    await page.goto('/demand-lists/new');
    await page.getByRole('tab', { name: '从 Excel 导入' }).click();
    await page.waitForURL('**/demand-lists/new?via=excel');

    const template = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载模板' }).click();
    const saved = await template;
    expect(saved.suggestedFilename()).toBe('需求清单模板.xlsx');
    expect((await readTestWorkbook(await readFile((await saved.path())!))).worksheets.map((w) => w.name)).toEqual(['需求清单', '填写说明']);

    const title = '合肥经开区2026年第四季度"进园区"服务需求清单';
    const rows = (type: string) => [
      [title],
      ['填报单位：合肥经开区管委会'],
      ['序号', '服务类型', '事项', '详细说明', '联系人', '联系电话', '备注'],
      [1, '金融服务', '设立园区产业基金', '首期规模 10 亿元', '张伟', 13905510001, '急'],
      [2, type, '中德(合肥)国际合作智慧产业园海外推介', null, '李娜', '0551-63571234', null],
      [3, '\u3000培训\u3000', '招商人员专题培训', null, null, null, null],
      ['合计', null, '3 项', null, null, null, null],
    ];
    const input = page.locator('input[type=file]');
    await input.setInputFiles({ name: '需求清单.xlsx', mimeType: 'application/octet-stream', buffer: await testWorkbook({ rows: rows('旅游进园区'), merges: ['A1:G1'] }) });
    await page.getByRole('button', { name: '预览' }).click();
    const problems = page.getByRole('region', { name: '无法导入' });
    await problems.getByText('服务类型"旅游进园区"无法识别').waitFor();
    await expect(problems.getByRole('cell', { name: '5', exact: true }).count()).resolves.toBe(1);
    await saveScreenshot(page, 'zone-import-errors');

    await input.setInputFiles({ name: '需求清单.xlsx', mimeType: 'application/octet-stream', buffer: await testWorkbook({ rows: rows('外商进园区'), merges: ['A1:G1'] }) });
    await page.getByRole('button', { name: '预览' }).click();
    const preview = page.getByRole('region', { name: '导入预览' });
    await preview.getByText(title).waitFor();
    await preview.getByText('备注').waitFor();
    await preview.getByRole('cell', { name: '中德(合肥)国际合作智慧产业园海外推介' }).waitFor();
    await expect(page.getByRole('region', { name: '无法导入' }).count()).resolves.toBe(0);
    await saveScreenshot(page, 'zone-import-preview');
    await preview.getByRole('button', { name: '确认导入（3 项）' }).dblclick();

    await page.waitForURL(/\/demand-lists\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: title }).waitFor();
    const lists = await ctx.sql(`SELECT id FROM demand_list WHERE title = $1`, [title]);
    expect(lists).toHaveLength(1);
    const tickets = await ctx.sql(`SELECT type, title, contact_name, contact_phone FROM ticket WHERE demand_list_id = $1 ORDER BY seq`, [lists[0].id]);
    expect(tickets).toEqual([
      { type: 'finance', title: '设立园区产业基金', contact_name: '张伟', contact_phone: '13905510001' },
      { type: 'foreign_investment', title: '中德(合肥)国际合作智慧产业园海外推介', contact_name: '李娜', contact_phone: '0551-63571234' },
      { type: 'training', title: '招商人员专题培训', contact_name: null, contact_phone: null },
    ]);
    await page.getByRole('link', { name: '设立园区产业基金' }).click();
    await page.getByText('13905510001').waitFor();
  }, 120_000);

  it('exports the tickets the filters show to Excel', async () => {
    const page = await signedIn();
    await page.goto('/tickets?type=finance');
    await page.getByRole('link', { name: '设立园区产业基金' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/^工单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = (await readTestWorkbook(await readFile((await saved.path())!))).getWorksheet('工单')!;
    const types = new Set<unknown>();
    sheet.eachRow((row, n) => n > 1 && types.add(row.getCell(5).value));
    expect([...types]).toEqual(['金融进园区']);
    expect(sheet.rowCount).toBe(1 + Number((await ctx.sql(`SELECT count(*)::int AS n FROM ticket WHERE type = 'finance'`))[0].n));
  }, 120_000);
});
