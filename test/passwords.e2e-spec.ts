import { HttpResponse, TEST_EPOCH, TEST_PASSWORD, TestClock, TestContext, TestSseClient } from '@enterpark/testing';

/**
 * Passwords: anyone changes their own (proving the current one), a coordinator resets anyone's
 * to a generated one shown once. Either way every session of the account ends, and a live
 * ticket stream opened with an old token closes at its next heartbeat.
 */
const NEW_PASSWORD = 'Hefei-Zone-2027!';

describe('passwords', () => {
  const clock = new TestClock(TEST_EPOCH);
  let ctx: TestContext;
  let coordinator: string;

  const change = (token: string, body: unknown, headers: Record<string, string> = {}) =>
    ctx.request('POST', '/api/v1/users/me/password', { token, body, headers });
  // Each sign-in from an address of its own: only the account's own count is under test here.
  let addresses = 0;
  const signIn = (email: string, password: string) =>
    ctx.request('POST', '/api/v1/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': `198.51.100.${++addresses}` } });
  const me = async (token: string) => (await ctx.request('GET', '/api/v1/me', { token })).status;

  function expectRefusal(res: HttpResponse, status: number, field: string, rule: string): void {
    expect({ status: res.status, statusCode: res.body.statusCode }).toEqual({ status, statusCode: status });
    expect(res.body.details).toEqual([{ field, rule, message: expect.any(String) }]);
  }

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false, clock, env: { TICKET_STREAM_HEARTBEAT_MS: '200' } });
    coordinator = await ctx.coordinatorToken();
  });
  afterAll(() => ctx?.close());

  describe('POST /users/me/password', () => {
    it('changes one\'s own: the old password and every old token stop working, the answer carries a new token', async () => {
      const { user, token } = await ctx.newUser('zone_manager', { zoneId: (await ctx.newZone()).id });
      const other = await ctx.login(user.email, TEST_PASSWORD); // a second session, say on a phone

      const res = await change(token, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ id: user.id, email: user.email, active: true });
      expect([await me(token), await me(other), await me(res.body.accessToken)]).toEqual([401, 401, 200]);
      expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(401);
      expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(200);
    });

    it.each([
      { name: 'a wrong current password', body: { currentPassword: 'Not-The-Passw0rd', newPassword: NEW_PASSWORD }, field: 'currentPassword', rule: 'matchesCurrent' },
      { name: 'a short new password', body: { currentPassword: TEST_PASSWORD, newPassword: 'Sh0rt!' }, field: 'newPassword', rule: 'minLength' },
      { name: 'digits only', body: { currentPassword: TEST_PASSWORD, newPassword: '1234567890123' }, field: 'newPassword', rule: 'isStrongPassword' },
      { name: 'two characters repeated', body: { currentPassword: TEST_PASSWORD, newPassword: 'a1a1a1a1a1a1' }, field: 'newPassword', rule: 'isStrongPassword' },
      { name: 'the current password again', body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }, field: 'newPassword', rule: 'differentFromCurrent' },
      { name: 'no current password', body: { newPassword: NEW_PASSWORD }, field: 'currentPassword', rule: 'isString' },
      { name: 'an extra field', body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, userId: 'someone' }, field: 'userId', rule: 'notAllowed' },
    ])('$name → 400 naming $field ($rule); nothing changes', async ({ body, field, rule }) => {
      const { user, token } = await ctx.newUser('viewer');
      expectRefusal(await change(token, body), 400, field, rule);
      expect(await me(token)).toBe(200);
      expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(200);
    });

    it('counts wrong current passwords as failed sign-ins: a stolen session cannot guess the password', async () => {
      const { user, token } = await ctx.newUser('desk_staff', { desks: ['finance'] });
      for (let i = 0; i < 10; i++) {
        const res = await change(token, { currentPassword: `Guess-${i}-Passw0rd`, newPassword: NEW_PASSWORD }, { 'x-forwarded-for': `192.0.2.${i + 1}` });
        expect(res.status).toBe(400);
      }
      const res = await change(token, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
      expect({ status: res.status, code: res.body.code, retryAfter: res.headers.get('retry-after') }).toEqual({ status: 429, code: 'SIGN_IN_THROTTLED', retryAfter: '900' });
      expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(429);
    });
  });

  describe('POST /users/:id/password (coordinators)', () => {
    it('generates a strong password shown once, ends the account\'s sessions and lifts its sign-in lock', async () => {
      const { user, token } = await ctx.newUser('desk_staff', { desks: ['media'] });
      for (let i = 0; i < 10; i++) await signIn(user.email, 'Forgotten-Passw0rd');
      expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(429);

      const res = await ctx.request('POST', `/api/v1/users/${user.id}/password`, { token: coordinator });
      expect(res.status).toBe(200);
      expect(res.body.password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{16}$/);
      expect(res.body.user).toMatchObject({ id: user.id, desks: ['media'] });
      const [{ password_hash: hash }] = await ctx.sql(`SELECT password_hash FROM app_user WHERE id = $1`, [user.id]);
      expect(hash).toMatch(/^\$argon2id\$/);
      expect(hash).not.toContain(res.body.password);

      expect(await me(token)).toBe(401);
      expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(401);
      expect((await signIn(user.email, res.body.password)).status).toBe(200);
    });

    it('answers 404 for an unknown account and changes nobody\'s password', async () => {
      const before = await ctx.sql(`SELECT id, password_hash, token_version FROM app_user ORDER BY id`);
      const res = await ctx.request('POST', '/api/v1/users/00000000-0000-4000-8000-000000000000/password', { token: coordinator });
      expect(res.status).toBe(404);
      expect(await ctx.sql(`SELECT id, password_hash, token_version FROM app_user ORDER BY id`)).toEqual(before);
    });
  });

  it('ends a live ticket stream at its next heartbeat once the token behind it is no longer current', async () => {
    const { user, token } = await ctx.newUser('desk_staff', { desks: ['finance'] });
    const stream = await TestSseClient.open(`${ctx.baseUrl}/api/v1/tickets/stream?access_token=${token}`);
    expect(stream.status).toBe(200);
    await ctx.waitFor(async () => stream.comments.includes('heartbeat'), 5_000, 'a heartbeat');
    expect(stream.ended).toBe(false);

    expect((await ctx.request('PATCH', `/api/v1/users/${user.id}`, { token: coordinator, body: { desks: ['media'] } })).status).toBe(200);
    await ctx.waitFor(async () => stream.ended, 5_000, 'the stream to end');
    stream.close();
  });
});
