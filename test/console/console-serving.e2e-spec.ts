import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestContext } from '@enterpark/testing';
import { offlineApiDocument } from '../../apps/api/src/openapi/api-document';

const HTML = { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' };

/** The API serves the built console at `/` and answers deep links with it; the API's own paths stay the API's. */
describe('the console served by the API', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false });
  });
  afterAll(() => ctx.close());

  it('answers / and any deep link that asks for HTML with index.html, never cached, under a CSP', async () => {
    for (const path of ['/', '/login?next=%2Ftickets', '/tickets/4b8e7a52-6a8c-4a8f-9d57-1f0c7a0c1b11?action=confirm', '/settings/notifications']) {
      const res = await ctx.request('GET', path, { headers: HTML });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.body).toContain('<html lang="zh-CN">');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('serves the hashed assets index.html names with a year-long immutable cache, precompressed', async () => {
    const index = await ctx.request('GET', '/', { headers: HTML });
    const assets = [...(index.body as string).matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const plain = await ctx.request('GET', asset, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.status).toBe(200);
      expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(plain.headers.get('content-encoding')).toBeNull();
      for (const encoding of ['br', 'gzip']) {
        const compressed = await ctx.request('GET', asset, { headers: { 'accept-encoding': encoding } });
        expect(compressed.headers.get('content-encoding')).toBe(encoding);
        expect(compressed.body).toEqual(plain.body); // fetch decodes it
      }
    }
  });

  it('leaves /api and /health to the API: an unknown API path is its 404 JSON, even for a browser', async () => {
    for (const path of ['/api/v1/no-such-thing', '/api/nothing', '/health/nothing']) {
      const res = await ctx.request('GET', path, { headers: HTML });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: expect.any(String) });
    }
    expect((await ctx.request('GET', '/health/live', { headers: HTML })).body).toMatchObject({ status: expect.any(String) });
    const missingAsset = await ctx.request('GET', '/assets/gone-0000.js', { headers: { accept: '*/*' } });
    expect(missingAsset.status).toBe(404);
  });

  it('serves the same OpenAPI document the console types are generated from', async () => {
    const served = await ctx.request('GET', '/api/docs-json');
    expect(served.body).toEqual(JSON.parse(JSON.stringify(await offlineApiDocument())));
  });
});

describe('an API without a built console', () => {
  it('says at / how to build it (503, in Chinese) instead of failing', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'enterpark-no-console-'));
    const ctx = await TestContext.create({ worker: false, env: { CONSOLE_DIR: empty } });
    try {
      const res = await ctx.request('GET', '/', { headers: HTML });
      expect(res.status).toBe(503);
      expect(res.body).toContain('控制台尚未构建');
      expect(res.body).toContain('npm run build');
      expect((await ctx.request('GET', '/health/live')).status).toBe(200);
    } finally {
      await ctx.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
