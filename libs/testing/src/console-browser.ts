import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
// Types only at the top: playwright-core takes about a second to load, and every test file imports this lib.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/** Debian's chromium; never a browser downloaded by playwright. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/**
 * A real Chromium for console tests. Each launch gets a fresh profile (playwright passes a new
 * temporary --user-data-dir), each `newPage` its own context: cookies and sessionStorage
 * are never shared between the people a test signs in.
 */
export class ConsoleBrowser {
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    private readonly browser: Browser,
    readonly baseUrl: string,
  ) {}

  static async launch(baseUrl: string): Promise<ConsoleBrowser> {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`Browser tests need Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
    }
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS, headless: true });
    return new ConsoleBrowser(browser, baseUrl);
  }

  get version(): string {
    return this.browser.version();
  }

  async newPage(viewport = DESKTOP): Promise<Page> {
    const context = await this.browser.newContext({ baseURL: this.baseUrl, viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  }

  /** Signs in through the form, as a person would, and waits for the signed-in layout. */
  async signIn(page: Page, email: string, password: string, path = '/'): Promise<void> {
    await page.goto(path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`);
    await page.getByLabel('邮箱').fill(email);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser.close();
  }
}

/**
 * The dialog named `name`, once antd's opening motion (a zoom from the button) has ended. A click
 * is aimed at where its target is when the click starts: during the motion, on a busy machine, it
 * lands where the target no longer is and picks another star, or nothing (a CI run lost 确认办结's
 * rating so). Typing is not affected; clicks inside a dialog wait for this.
 */
export async function openedDialog(page: Page, name: string | RegExp): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name });
  // rc-motion's classes (ant-zoom-appear, ant-drawer-panel-motion-right-enter-active, …) sit on the
  // dialog (a modal) or on a wrapper around it (a drawer) until the motion ends.
  const moving = '[class*="-appear"], [class*="-enter"]';
  await dialog.and(page.locator(`:not(${moving}):not(:is(${moving}) *)`)).waitFor();
  return dialog;
}

/** Saves what the person sees as docs/screenshots/<name>.png (the README shows some). */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? true, animations: 'disabled' });
  return path;
}

// Browser-side code as strings: the test tsconfig has no DOM types.

/** Where the page keeps state: sessionStorage and localStorage keys, and its cookies. */
export function pageStorage(page: Page): Promise<{ session: string[]; local: string[]; cookie: string }> {
  return page.evaluate('({ session: Object.keys(sessionStorage), local: Object.keys(localStorage), cookie: document.cookie })');
}

/** Replaces the tab's token with one the API no longer accepts (as after its secret changed). */
export async function spoilSessionToken(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const session = JSON.parse(sessionStorage.getItem('enterpark.session'));
    sessionStorage.setItem('enterpark.session', JSON.stringify({ ...session, token: session.token + 'x' }));
  })()`);
}
