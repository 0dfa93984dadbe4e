import { Writable } from 'node:stream';
import { createRootLogger } from '@enterpark/common';
import { TEST_PASSWORD, TestContext } from '@enterpark/testing';

/**
 * Real requests carrying every kind of secret the service receives, and the log they leave:
 * one line per request, with the path, and not one of the secrets (bearer tokens, cookies,
 * the stream's `access_token`, the `token` of providers' answer links and unsubscribe links,
 * passwords in bodies).
 */
describe('request logs keep secrets out', () => {
  const chunks: string[] = [];
  let ctx: TestContext;

  const lines = () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { msg?: string; req?: { url?: string } });

  beforeAll(async () => {
    const sink = new Writable({ write: (chunk, _encoding, done) => { chunks.push(String(chunk)); done(); } });
    ctx = await TestContext.create({ worker: false, logger: createRootLogger({ logLevel: 'info', logPretty: false }, sink) });
  });
  afterAll(() => ctx?.close());

  it('logs each request with its path and none of its secrets', async () => {
    const { user, token } = await ctx.newUser('viewer');
    const secrets = {
      bearer: token,
      cookie: 'sid=cookie-secret-5d1f',
      streamToken: 'stream-secret-8a2e',
      unsubscribeToken: 'unsubscribe-secret-3c9b',
      respondToken: 'respond-secret-71f0',
      password: TEST_PASSWORD,
    };
    const sent = [
      await ctx.request('GET', '/api/v1/me', { token, headers: { cookie: secrets.cookie } }),
      await ctx.request('GET', `/api/v1/tickets/stream?access_token=${secrets.streamToken}`),
      await ctx.request('GET', `/api/v1/mail/unsubscribe?token=${secrets.unsubscribeToken}`),
      await ctx.request('GET', `/api/v1/matches/00000000-0000-4000-8000-000000000000/respond?token=${secrets.respondToken}&lang=zh`),
      await ctx.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: secrets.password }, headers: { cookie: secrets.cookie } }),
    ];
    expect(sent.map((r) => r.status)).toEqual([200, 401, expect.any(Number), expect.any(Number), 200]);

    await ctx.waitFor(async () => lines().filter((l) => l.msg === 'request completed').length >= sent.length, 5_000, 'the request lines');
    const urls = lines().filter((l) => l.msg === 'request completed').map((l) => l.req?.url);
    expect(urls).toEqual(expect.arrayContaining([
      '/api/v1/me',
      '/api/v1/tickets/stream?access_token=[Redacted]',
      '/api/v1/mail/unsubscribe?token=[Redacted]',
      '/api/v1/matches/00000000-0000-4000-8000-000000000000/respond?token=[Redacted]&lang=zh',
      '/api/v1/auth/login',
    ]));
    const log = chunks.join('');
    for (const [what, secret] of Object.entries(secrets)) expect({ what, logged: log.includes(secret) }).toEqual({ what, logged: false });
    expect(log).not.toContain(token.split('.')[2]); // not even the signature on its own
  });
});
