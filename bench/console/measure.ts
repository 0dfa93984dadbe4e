import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { ConsoleBrowser } from '../../libs/testing/src/console-browser';

/**
 * What one cold load of a route downloaded: JS and CSS, raw and gzip-compressed (level 9),
 * and the bytes actually sent (the API serves the build's precompressed brotli).
 */
export interface Transfer {
  wire: number;
  jsFiles: number;
  jsRaw: number;
  jsGzip: number;
  cssFiles: number;
  cssRaw: number;
  cssGzip: number;
}

/** A signed-in person as the console keeps them in the tab (sessionStorage), so a measured load starts signed in. */
export interface SignedIn {
  token: string;
  user: { role: string; name: string };
}

function isAsset(response: Response): 'js' | 'css' | null {
  const type = response.request().resourceType();
  return type === 'script' ? 'js' : type === 'stylesheet' ? 'css' : null;
}

/** Records every JS and CSS response of a page while `load` runs. */
async function recordTransfer(page: Page, load: () => Promise<void>): Promise<Transfer> {
  const seen: Promise<{ kind: 'js' | 'css'; body: Buffer; wire: number }>[] = [];
  page.on('response', (response) => {
    const kind = isAsset(response);
    if (kind) seen.push(Promise.all([response.body(), response.request().sizes()]).then(([body, sizes]) => ({ kind, body, wire: sizes.responseBodySize })));
  });
  await load();
  const transfer: Transfer = { wire: 0, jsFiles: 0, jsRaw: 0, jsGzip: 0, cssFiles: 0, cssRaw: 0, cssGzip: 0 };
  for (const { kind, body, wire } of await Promise.all(seen)) {
    transfer.wire += wire;
    const gzip = gzipSync(body, { level: 9 }).length;
    if (kind === 'js') Object.assign(transfer, { jsFiles: transfer.jsFiles + 1, jsRaw: transfer.jsRaw + body.length, jsGzip: transfer.jsGzip + gzip });
    else Object.assign(transfer, { cssFiles: transfer.cssFiles + 1, cssRaw: transfer.cssRaw + body.length, cssGzip: transfer.cssGzip + gzip });
  }
  return transfer;
}

async function signedInPage(browser: ConsoleBrowser, session: SignedIn): Promise<Page> {
  const page = await browser.newPage();
  const context: BrowserContext = page.context();
  // A script string: this tsconfig has no DOM types.
  await context.addInitScript(`sessionStorage.setItem('enterpark.session', ${JSON.stringify(JSON.stringify(session))})`);
  return page;
}

/** The sign-in form is usable: its button is on screen. */
const signInReady = (page: Page) => page.getByRole('button', { name: '登录' }).waitFor();
/** A role's first page is shown: its heading, after the loading spinner (the page's data has arrived). */
const firstPageReady = (page: Page) => page.locator('main h1').waitFor();

export async function signInTransfer(browser: ConsoleBrowser): Promise<Transfer> {
  const page = await browser.newPage();
  return recordTransfer(page, async () => {
    await page.goto('/login');
    await signInReady(page);
  });
}

export async function firstPageTransfer(browser: ConsoleBrowser, session: SignedIn): Promise<Transfer> {
  const page = await signedInPage(browser, session);
  return recordTransfer(page, async () => {
    await page.goto('/');
    await firstPageReady(page);
  });
}

/** Milliseconds from navigation start to the page being ready, each run in a fresh context (a cold cache). */
async function timeCold(open: () => Promise<Page>, path: string, ready: (page: Page) => Promise<void>, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await open();
    const started = performance.now();
    await page.goto(path);
    await ready(page);
    times.push(performance.now() - started);
    await page.context().close();
  }
  return times;
}

export const timeSignInForm = (browser: ConsoleBrowser, runs: number) => timeCold(() => browser.newPage(), '/login', signInReady, runs);

export const timeFirstPage = (browser: ConsoleBrowser, session: SignedIn, runs: number) => timeCold(() => signedInPage(browser, session), '/', firstPageReady, runs);
