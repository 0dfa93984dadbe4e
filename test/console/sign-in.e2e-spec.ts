import { ConsoleBrowser, pageStorage, PHONE, saveScreenshot, spoilSessionToken, TEST_PASSWORD, TestContext } from '@enterpark/testing';

/** Signing in and out of the console in a real Chromium, and what happens when the session runs out. */
describe('console sign-in', () => {
  let ctx: TestContext;
  let browser: ConsoleBrowser;
  let email: string;

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false });
    browser = await ConsoleBrowser.launch(ctx.baseUrl);
    const zone = await ctx.newZone({ name: '合肥经开区' });
    email = (await ctx.newUser('zone_manager', { zoneId: zone.id, name: '王建国' })).user.email;
  });
  afterEach(() => browser?.closePages());
  afterAll(async () => {
    await browser?.close();
    await ctx.close();
  });

  it('shows a labelled form in Chinese and the API\'s own message for a wrong password', async () => {
    const page = await browser.newPage();
    await page.goto('/');
    await page.waitForURL('**/login?next=%2F');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.getByLabel('邮箱').fill(email);
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    const refusal = await ctx.request('POST', '/api/v1/auth/login', { body: { email, password: 'wrong-password' } });
    await expect(page.getByRole('alert').textContent()).resolves.toContain(refusal.body.message);
    await saveScreenshot(page, 'login');
  });

  it('signs in to the role\'s layout: navigation landmark, name and role, 退出登录; the token lives in sessionStorage only', async () => {
    const page = await browser.newPage();
    await browser.signIn(page, email, TEST_PASSWORD);
    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect(nav.getByRole('menu').isVisible()).resolves.toBe(true);
    for (const label of ['首页', '需求清单', '通知设置']) await nav.getByRole('link', { name: label }).waitFor();
    await page.getByText('王建国 · 园区管理员').waitFor();
    expect(await pageStorage(page)).toEqual({ session: ['enterpark.session'], local: [], cookie: '' });

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/login');
    await page.goto('/demand-lists');
    await page.waitForURL('**/login?next=%2Fdemand-lists');
  });

  it('returns to the sign-in page when the API answers 401, says why, and comes back to the page after signing in (通知设置)', async () => {
    const page = await browser.newPage(PHONE);
    await browser.signIn(page, email, TEST_PASSWORD, '/demand-lists');
    await page.getByText('暂无需求清单').waitFor(); // its own calls answered, with the good token
    await spoilSessionToken(page);
    await page.getByRole('link', { name: '通知设置' }).click();
    await page.waitForURL('**/login?expired=1&next=%2Fsettings%2Fnotifications');
    await page.getByText('登录已过期，请重新登录').waitFor();
    await page.getByLabel('邮箱').fill(email);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/settings/notifications');

    // 通知设置 on the same phone: the weekly digest switched off, notifications kept.
    await page.getByRole('switch', { name: '每周周报' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('通知设置已保存').waitFor();
    await saveScreenshot(page, 'settings-notifications-phone');
    const rows = await ctx.sql(`SELECT p.digest, p.notifications FROM mail_preference p JOIN app_user u ON u.id = p.user_id WHERE u.email = $1`, [email]);
    expect(rows).toEqual([{ digest: false, notifications: true }]);
  });
});
