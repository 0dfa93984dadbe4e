import { Writable } from 'node:stream';
import { createRootLogger } from '@enterpark/common';
import { HttpResponse, TEST_EPOCH, TEST_PASSWORD, TestClock, TestContext } from '@enterpark/testing';

/**
 * Password guessing meets a brake, tested from the attacker's side: per account and per client
 * address, 10 failures within 15 minutes and every further attempt is a 429 (the right password
 * too) until the window ends by the service's clock; nobody else is affected; each failure is
 * logged, never the password. The client address is what a trusted proxy (here: loopback) names
 * in X-Forwarded-For, so each case picks its own.
 */
const MINUTE = 60_000;
const WRONG = 'Wrong-Guess-7f3a9c!';

describe('sign-in throttling', () => {
  const clock = new TestClock(TEST_EPOCH);
  const log: string[] = [];
  let ctx: TestContext;
  let addresses = 0;

  const newAddress = () => `198.51.100.${++addresses}`;
  const login = (email: string, password: string, address = newAddress()): Promise<HttpResponse> =>
    ctx.request('POST', '/api/v1/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': address } });
  const account = async () => (await ctx.newUser('viewer')).user.email;
  const statuses = (responses: HttpResponse[]) => responses.map((r) => r.status);

  function expectThrottled(res: HttpResponse, retryAfterSeconds: number): void {
    expect({ status: res.status, code: res.body.code, retryAfter: res.headers.get('retry-after') }).toEqual({
      status: 429,
      code: 'SIGN_IN_THROTTLED',
      retryAfter: String(retryAfterSeconds),
    });
    expect(res.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', retryAfterSeconds });
    expect(res.body.message).toMatch(/^登录失败次数过多，请 \d+ 分钟后再试$/);
    expect(res.body.accessToken).toBeUndefined();
  }

  beforeAll(async () => {
    const sink = new Writable({ write: (chunk, _encoding, done) => { log.push(String(chunk)); done(); } });
    ctx = await TestContext.create({ worker: false, clock, logger: createRootLogger({ logLevel: 'info', logPretty: false }, sink) });
  });
  afterAll(() => ctx?.close());
  beforeEach(() => clock.set(TEST_EPOCH));

  it('lets the right password in (the control)', async () => {
    const res = await login(await account(), TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
  });

  it('after 10 wrong passwords for an account refuses the 11th attempt, even with the right password, until the window ends', async () => {
    const victim = await account();
    const bystander = await account();
    const failures = [];
    for (let i = 0; i < 10; i++) failures.push(await login(victim, WRONG));
    expect(statuses(failures)).toEqual(Array(10).fill(401));
    expect(failures.every((r) => r.body.code === 'AUTH_INVALID_CREDENTIALS')).toBe(true);

    expectThrottled(await login(victim, TEST_PASSWORD), 15 * 60);
    expect((await login(bystander, TEST_PASSWORD)).status).toBe(200); // another account, another address: unaffected

    clock.advance(15 * MINUTE - 1_000);
    expectThrottled(await login(victim, TEST_PASSWORD), 1);
    clock.advance(1_000);
    expect((await login(victim, TEST_PASSWORD)).status).toBe(200);
  });

  it('counts an unknown email like a known one, so throttling reveals nothing about which accounts exist', async () => {
    const unknown = `nobody.${Date.now()}@enterpark.test`;
    for (let i = 0; i < 10; i++) expect((await login(unknown, WRONG)).status).toBe(401);
    expectThrottled(await login(unknown, WRONG), 15 * 60);
  });

  it('after 10 failures from one address refuses it for every account, while other addresses go on', async () => {
    const address = newAddress();
    for (let i = 0; i < 10; i++) expect((await login(`spray.${i}@enterpark.test`, WRONG, address)).status).toBe(401);
    const someone = await account();
    expectThrottled(await login(someone, TEST_PASSWORD, address), 15 * 60);
    expect((await login(someone, TEST_PASSWORD)).status).toBe(200);
  });

  it('starts the account afresh after a right password; the address keeps its count', async () => {
    const user = await account();
    const address = newAddress();
    for (let i = 0; i < 9; i++) expect((await login(user, WRONG)).status).toBe(401);
    expect((await login(user, TEST_PASSWORD, address)).status).toBe(200);
    for (let i = 0; i < 9; i++) expect((await login(user, WRONG)).status).toBe(401);
    expect((await login(user, TEST_PASSWORD)).status).toBe(200); // 9 since the success, not 18

    // The address: 9 failures, a success of its own (not counted), one more failure, and it is full.
    const other = await account();
    for (let i = 0; i < 9; i++) expect((await login(`guess.${i}@enterpark.test`, WRONG, address)).status).toBe(401);
    expect((await login(other, TEST_PASSWORD, address)).status).toBe(200);
    expect((await login(`guess.9@enterpark.test`, WRONG, address)).status).toBe(401);
    expectThrottled(await login(other, TEST_PASSWORD, address), 15 * 60);
  });

  it('lets exactly 10 of 30 simultaneous guesses be checked, whatever the timing', async () => {
    const victim = await account();
    const responses = await Promise.all(Array.from({ length: 30 }, () => login(victim, WRONG)));
    expect(statuses(responses).filter((s) => s === 401)).toHaveLength(10);
    expect(statuses(responses).filter((s) => s === 429)).toHaveLength(20);
  });

  it('logs each failure and refusal with the account and the address, never a password', async () => {
    const user = await account();
    const address = newAddress();
    for (let i = 0; i < 10; i++) await login(user, WRONG, address);
    await login(user, TEST_PASSWORD, address);
    const lines = log.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    const mine = lines.filter((l) => l.email === user && l.context === 'SignIn');
    expect(mine.map((l) => [l.level, l.address])).toEqual([...Array(10).fill([40, address]), [40, address]]);
    expect(mine[0].msg).toBe('登录失败：密码错误（本时段该账号第 1 次，上限 10 次）');
    expect(mine[10].msg).toMatch(/^登录被拒绝：失败次数已达上限，900 秒后解除$/);
    const all = log.join('');
    expect(all).not.toContain(WRONG);
    expect(all).not.toContain(TEST_PASSWORD);
  });

  it('counts by the address a trusted proxy (loopback, by default) names in X-Forwarded-For', async () => {
    const address = newAddress();
    for (let i = 0; i < 3; i++) await login(`forwarded.${i}@enterpark.test`, WRONG, address);
    expect(await ctx.sql(`SELECT failures FROM sign_in_throttle WHERE key = $1`, [`address:${address}`])).toEqual([{ failures: 3 }]);
  });
});

describe('sign-in throttling behind no trusted proxy', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false, env: { TRUST_PROXY: '192.0.2.1' } });
  });
  afterAll(() => ctx?.close());

  it('ignores X-Forwarded-For from a peer it does not trust: a client cannot pick a fresh address per guess', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await ctx.request('POST', '/api/v1/auth/login', { body: { email: `spoof.${i}@enterpark.test`, password: WRONG }, headers: { 'x-forwarded-for': `203.0.113.${i}` } });
      expect(res.status).toBe(401);
    }
    const res = await ctx.request('POST', '/api/v1/auth/login', { body: { email: 'spoof.10@enterpark.test', password: WRONG }, headers: { 'x-forwarded-for': '203.0.113.99' } });
    expect(res.status).toBe(429);
    expect(await ctx.sql(`SELECT key, failures FROM sign_in_throttle WHERE key LIKE 'address:%'`)).toEqual([{ key: 'address:127.0.0.1', failures: 10 }]);
  });
});
