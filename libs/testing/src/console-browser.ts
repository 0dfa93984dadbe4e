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
    // argon2 (64 MiB) and the role's first bundle: on a busy 2-core machine this took over 10 s.
    await page.getByRole('button', { name: '退出登录' }).waitFor({ timeout: 30_000 });
  }

  /**
   * Closes every page but `keep` (a suite's shared page), after each test: a page left open goes on
   * polling and rendering, and on a 2-core machine the suite's later tests waited for it.
   */
  async closePages(keep: Page[] = []): Promise<void> {
    const kept = new Set(keep.map((page) => page.context()));
    const closing = this.contexts.filter((context) => !kept.has(context));
    this.contexts.splice(0, this.contexts.length, ...kept);
    await Promise.all(closing.map((context) => context.close().catch(() => undefined)));
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser.close();
  }
}

/**
 * Elements whose opening motion has ended. rc-motion's classes (ant-zoom-appear,
 * ant-slide-up-enter-active, ant-drawer-panel-motion-right-enter, …) sit on the element (a modal,
 * a dropdown) or on a wrapper around it (a drawer) until the motion ends. A click is aimed at where
 * its target is when the click starts: during the motion, on a busy machine, it lands where the
 * target no longer is, on another star or option, or on nothing (CI runs lost 确认办结's rating and
 * 受理's priority so). Typing is not affected.
 */
const MOTION = '[class*="-appear"], [class*="-enter"]';
const AT_REST = `:not(${MOTION}):not(:is(${MOTION}) *)`;

/** The dialog (modal or drawer) named `name`, once it has stopped moving in. */
export async function openedDialog(page: Page, name: string | RegExp): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name });
  await dialog.and(page.locator(AT_REST)).waitFor();
  return dialog;
}

/** Opens an antd select (`field`, e.g. found by its label) and clicks the option shown as `option`. */
export async function chooseOption(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  await pickOption(page, option);
}

/** Clicks `option` in the select dropdown that is open (a multiple select stays open after a pick). */
export async function pickOption(page: Page, option: string): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await dropdown.and(page.locator(AT_REST)).waitFor();
  await dropdown.locator(`.ant-select-item-option[title="${option}"]`).click();
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
