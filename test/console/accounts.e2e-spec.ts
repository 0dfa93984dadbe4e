import type { Page } from 'playwright-core';
import { chooseOption, ConsoleBrowser, openedDialog, PHONE, saveScreenshot, TEST_ADMIN, TEST_PASSWORD, TestContext } from '@enterpark/testing';

/**
 * Accounts in a real Chromium: a coordinator moves a desk clerk to another desk and deactivates
 * them (编辑), resets a zone manager's password (重置密码, shown once), and anyone changes their
 * own password from the header (修改密码) and stays signed in. The API and the database witness.
 */
describe('accounts in the console', () => {
  let ctx: TestContext;
  let browser: ConsoleBrowser;
  let page: Page;

  const status = async (token: string) => (await ctx.request('GET', '/api/v1/me', { token })).status;
  const row = (email: string) => page.getByRole('row').filter({ hasText: email });

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false });
    browser = await ConsoleBrowser.launch(ctx.baseUrl);
    page = await browser.newPage();
    await browser.signIn(page, TEST_ADMIN.email, TEST_ADMIN.password, '/users');
  }, 60_000);
  afterEach(() => browser?.closePages([page]));
  afterAll(async () => {
    await browser?.close();
    await ctx.close();
  });

  it('编辑 moves a desk clerk to another desk and deactivates them; their open session ends', async () => {
    const clerk = await ctx.newUser('desk_staff', { desks: ['finance'], name: '赵融' });
    await page.reload();
    await row(clerk.user.email).getByRole('button', { name: '编辑' }).click();
    const dialog = await openedDialog(page, '编辑');
    await chooseOption(page, dialog.getByLabel('服务台', { exact: true }), '媒体进园区');
    await dialog.getByLabel('姓名').click(); // closes the dropdown
    await dialog.getByRole('switch', { name: '启用' }).click();
    await saveScreenshot(page, 'coordinator-user-edit');
    await dialog.getByRole('button', { name: '保存' }).click();
    await row(clerk.user.email).getByText('已停用').waitFor();
    await row(clerk.user.email).getByText('媒体进园区').waitFor();

    const [saved] = await ctx.sql(`SELECT active, token_version, array(SELECT desk FROM desk_member WHERE user_id = u.id ORDER BY desk) AS desks FROM app_user u WHERE id = $1`, [clerk.user.id]);
    expect(saved).toEqual({ active: false, token_version: 2, desks: ['finance', 'media'] });
    expect(await status(clerk.token)).toBe(401);
  });

  it('编辑 cannot deactivate oneself: the switch is off limits on one\'s own row', async () => {
    await row(TEST_ADMIN.email).getByRole('button', { name: '编辑' }).click();
    const dialog = await openedDialog(page, '编辑');
    await expect(dialog.getByRole('switch', { name: '启用' }).isDisabled()).resolves.toBe(true);
    await dialog.getByText('不能停用自己的账号').waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('重置密码 shows a generated password once; it signs in, the old one does not', async () => {
    const manager = await ctx.newUser('zone_manager', { zoneId: (await ctx.newZone({ name: '合肥经开区' })).id, name: '王建国' });
    await page.reload();
    await row(manager.user.email).getByRole('button', { name: '重置密码' }).click();
    await (await openedDialog(page, '重置密码')).getByRole('button', { name: '重置' }).click();
    const shown = await openedDialog(page, '密码已重置');
    await shown.getByText('新密码只显示这一次').waitFor();
    const password = (await shown.getByLabel('新密码').innerText()).trim();
    expect(password).toMatch(/^[A-Za-z2-9]{16}$/);
    await shown.getByRole('button', { name: '我已告知' }).click();

    expect(await status(manager.token)).toBe(401);
    await expect(ctx.login(manager.user.email, password)).resolves.toEqual(expect.any(String));
    await expect(ctx.login(manager.user.email, TEST_PASSWORD)).rejects.toThrow(/401/);
  });

  it('修改密码 from the header on a phone: a wrong current password is told on its field; then it changes and the tab stays signed in', async () => {
    const { user } = await ctx.newUser('viewer', { name: '厅领导' });
    const phone = await browser.newPage(PHONE);
    await browser.signIn(phone, user.email, TEST_PASSWORD);
    await phone.getByRole('button', { name: '修改密码' }).click();
    const dialog = await openedDialog(phone, '修改密码');
    await dialog.getByLabel('当前密码').fill('Not-My-Passw0rd');
    await dialog.getByLabel('新密码', { exact: true }).fill('Leader-Passw0rd-2027');
    await dialog.getByLabel('确认新密码').fill('Leader-Passw0rd-2027');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.locator('.ant-form-item-explain-error').getByText('当前密码不正确').waitFor();
    await saveScreenshot(phone, 'change-password-phone', { fullPage: false });

    await dialog.getByLabel('当前密码').fill(TEST_PASSWORD);
    await dialog.getByRole('button', { name: '保存' }).click();
    await phone.getByText('密码已修改').waitFor();
    await phone.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工单' }).click();
    await phone.waitForURL('**/tickets');
    await phone.getByText('暂无工单').waitFor(); // its calls answered with the new token
    await expect(phone.getByText('登录已过期，请重新登录').count()).resolves.toBe(0);
    await expect(ctx.login(user.email, 'Leader-Passw0rd-2027')).resolves.toEqual(expect.any(String));
  });
});
