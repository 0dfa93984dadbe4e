import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HttpResponse, settleQueues, TEST_EPOCH, TEST_PASSWORD, TestClock, TestContext } from '@enterpark/testing';
import { createApiApp } from '../apps/api/src/api-app';

/**
 * Coordinators change accounts (PATCH /users/:id), and a change reaches tokens already issued:
 * deactivation and new desks or a new zone end the old tokens on the API process that made the
 * change at once and on every other within TOKEN_CHECK_CACHE_MS (30 s by the service's clock,
 * tested with a second API process as a replica). Refusals name field and rule and write nothing.
 */
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const CACHE_MS = 30_000;

describe('coordinators change accounts, and old tokens follow', () => {
  const clock = new TestClock(TEST_EPOCH);
  let ctx: TestContext;
  let replica: NestFastifyApplication;
  let replicaUrl: string;
  let coordinator: string;
  let coordinatorId: string;
  let zoneA: string;
  let zoneB: string;

  const patch = (id: string, body: unknown, token = coordinator) => ctx.request('PATCH', `/api/v1/users/${id}`, { token, body });
  const me = async (token: string, base = ctx.baseUrl) => (await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status;
  const accounts = () => ctx.sql(`SELECT u.id, u.name, u.active, u.zone_id, u.token_version, array_agg(d.desk ORDER BY d.desk) AS desks FROM app_user u LEFT JOIN desk_member d ON d.user_id = u.id GROUP BY u.id ORDER BY u.id`);

  function expectRefusal(res: HttpResponse, status: number, field?: string, rule?: string): void {
    expect({ status: res.status, statusCode: res.body.statusCode }).toEqual({ status, statusCode: status });
    expect(res.body.message).toEqual(expect.any(String));
    if (field) expect(res.body.details).toEqual(expect.arrayContaining([{ field, rule: rule ?? expect.any(String), message: expect.any(String) }]));
  }

  beforeAll(async () => {
    ctx = await TestContext.create({ clock });
    replica = await createApiApp(ctx.config, { shutdownHooks: false, clock });
    await replica.listen(0, '127.0.0.1');
    replicaUrl = await replica.getUrl();
    coordinator = await ctx.coordinatorToken();
    [{ id: coordinatorId }] = await ctx.sql(`SELECT id FROM app_user WHERE role = 'coordinator'`);
    zoneA = (await ctx.newZone({ name: '合肥经开区' })).id;
    zoneB = (await ctx.newZone({ name: '芜湖经开区' })).id;
  });
  afterAll(async () => {
    await replica?.close();
    await ctx?.close();
  });
  beforeEach(() => clock.set(TEST_EPOCH));

  it('renames an account and keeps its tokens, which do not carry the name (the control)', async () => {
    const { user, token } = await ctx.newUser('viewer', { name: '王建国' });
    const res = await patch(user.id, { name: ' 王建军 ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, name: '王建军', active: true, role: 'viewer' });
    expect(await me(token)).toBe(200);
  });

  describe('refuses, naming the field and the rule, and writes nothing', () => {
    let viewer: string;
    let desk: string;
    let manager: string;
    beforeAll(async () => {
      viewer = (await ctx.newUser('viewer')).user.id;
      desk = (await ctx.newUser('desk_staff', { desks: ['finance'] })).user.id;
      manager = (await ctx.newUser('zone_manager', { zoneId: zoneA })).user.id;
    });

    it.each([
      { name: 'desks for a viewer', id: () => viewer, body: { desks: ['finance'] }, field: 'desks', rule: 'onlyForDeskStaff' },
      { name: 'desks for a zone manager', id: () => manager, body: { desks: ['finance'] }, field: 'desks', rule: 'onlyForDeskStaff' },
      { name: 'no desk for desk staff', id: () => desk, body: { desks: [] }, field: 'desks', rule: 'arrayMinSize' },
      { name: 'an unknown desk', id: () => desk, body: { desks: ['tourism'] }, field: 'desks', rule: 'isIn' },
      { name: 'a zone for desk staff', id: () => desk, body: () => ({ zoneId: zoneB }), field: 'zoneId', rule: 'onlyForZoneManager' },
      { name: 'a zone for a viewer', id: () => viewer, body: () => ({ zoneId: zoneB }), field: 'zoneId', rule: 'onlyForZoneManager' },
      { name: 'an unknown zone', id: () => manager, body: { zoneId: UNKNOWN_ID }, field: 'zoneId', rule: 'exists' },
      { name: 'a malformed zone', id: () => manager, body: { zoneId: 'hefei' }, field: 'zoneId', rule: 'isUuid' },
      { name: 'a string flag', id: () => viewer, body: { active: 'no' }, field: 'active', rule: 'isBoolean' },
      { name: 'a null flag', id: () => viewer, body: { active: null }, field: 'active', rule: 'isBoolean' },
      { name: 'a blank name', id: () => viewer, body: { name: '  ' }, field: 'name', rule: 'isNotBlank' },
      { name: 'a role (roles do not change)', id: () => viewer, body: { role: 'coordinator' }, field: 'role', rule: 'notAllowed' },
      { name: 'deactivating oneself', id: () => coordinatorId, body: { active: false }, field: 'active', rule: 'notSelf' },
    ])('$name → 400 naming $field ($rule)', async ({ id, body, field, rule }) => {
      const before = await accounts();
      expectRefusal(await patch(id(), typeof body === 'function' ? body() : body), 400, field, rule);
      expect(await accounts()).toEqual(before);
    });

    it.each([UNKNOWN_ID, 'not-a-uuid'])('an unknown account (%s) → 404', async (id) => {
      expectRefusal(await patch(id, { name: '无此人' }), 404);
    });

    it.each(['zone_manager', 'desk_staff', 'viewer'] as const)('a %s may not change anyone, not even themselves → 403', async (role) => {
      const { user, token } = await ctx.newUser(role, role === 'zone_manager' ? { zoneId: zoneA } : role === 'desk_staff' ? { desks: ['media'] } : {});
      const before = await accounts();
      expectRefusal(await patch(viewer, { active: false }, token), 403);
      expectRefusal(await patch(user.id, { name: '自己改名' }, token), 403);
      expectRefusal(await ctx.request('POST', `/api/v1/users/${viewer}/password`, { token }), 403);
      expect(await accounts()).toEqual(before);
    });
  });

  it('deactivation ends the account\'s tokens at once here, within 30 s on another replica, and its sign-in', async () => {
    const { user, token } = await ctx.newUser('viewer');
    expect([await me(token), await me(token, replicaUrl)]).toEqual([200, 200]); // both processes have read the account

    const res = await patch(user.id, { active: false });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect(await me(token)).toBe(401); // the process that made the change forgot its copy
    expect(await me(token, replicaUrl)).toBe(200); // the replica's copy is still fresh…
    clock.advance(CACHE_MS);
    expect(await me(token, replicaUrl)).toBe(401); // …until TOKEN_CHECK_CACHE_MS has passed

    const signIn = (password: string) => ctx.request('POST', '/api/v1/auth/login', { body: { email: user.email, password } });
    expect((await signIn(TEST_PASSWORD)).body).toMatchObject({ statusCode: 401, code: 'AUTH_ACCOUNT_DISABLED', message: '该账号已停用，请联系协调员' });
    expect((await signIn('Wrong-Passw0rd!')).body.code).toBe('AUTH_INVALID_CREDENTIALS'); // without the password, nothing is revealed

    expect((await patch(user.id, { active: true })).status).toBe(200);
    expect(await me(token)).toBe(401); // reactivation does not revive old tokens
    expect(await me(await ctx.login(user.email, TEST_PASSWORD))).toBe(200);
  });

  it('new desks end the old token; the new one acts for the new desks only', async () => {
    const { user, token } = await ctx.newUser('desk_staff', { desks: ['finance'] });
    expect((await patch(user.id, { desks: ['media', 'media'] })).body.desks).toEqual(['media']);
    expect(await me(token)).toBe(401);
    const login = await ctx.request('POST', '/api/v1/auth/login', { body: { email: user.email, password: TEST_PASSWORD } });
    expect(login.body.user.desks).toEqual(['media']);
    expect(await ctx.sql(`SELECT desk FROM desk_member WHERE user_id = $1`, [user.id])).toEqual([{ desk: 'media' }]);
  });

  it('a new zone ends the old token; the new one sees the new zone\'s lists and not the old one\'s', async () => {
    const { user, token } = await ctx.newUser('zone_manager', { zoneId: zoneA });
    const listA = await ctx.request('POST', '/api/v1/demand-lists', { token, body: { title: '合肥清单', items: [{ type: 'media', title: '园区宣传片' }] } });
    expect(listA.status).toBe(201);
    expect((await patch(user.id, { zoneId: zoneB })).body.zoneId).toBe(zoneB);
    expect((await ctx.request('GET', `/api/v1/demand-lists/${listA.body.id}`, { token })).status).toBe(401);
    const fresh = await ctx.login(user.email, TEST_PASSWORD);
    expect((await ctx.request('GET', `/api/v1/demand-lists/${listA.body.id}`, { token: fresh })).status).toBe(404);
    expect((await ctx.request('GET', `/api/v1/zones/${zoneB}`, { token: fresh })).status).toBe(200);
  });

  it('a deactivated clerk gets no new tickets, cannot be assigned one, and a deactivated manager no emails', async () => {
    const zone = (await ctx.newZone({ name: '太和经开区' })).id;
    const leaving = await ctx.newUser('desk_staff', { desks: ['training'] });
    const staying = await ctx.newUser('desk_staff', { desks: ['training'] });
    const goneManager = await ctx.newUser('zone_manager', { zoneId: zone });
    const manager = await ctx.newUser('zone_manager', { zoneId: zone });
    await patch(leaving.user.id, { active: false });
    await patch(goneManager.user.id, { active: false });

    const items = [1, 2, 3].map((n) => ({ type: 'training', title: `政策培训 ${n}` }));
    const list = await ctx.request('POST', '/api/v1/demand-lists', { token: manager.token, body: { title: '培训清单', items } });
    const ids: string[] = list.body.tickets.map((t: { id: string }) => t.id);
    const routed = await ctx.waitFor(async () => {
      const rows = await ctx.sql(`SELECT assignee_id FROM ticket WHERE id = ANY($1::uuid[]) AND status = 'routed'`, [ids]);
      return rows.length === ids.length && rows;
    }, 15_000, 'three routed tickets');
    expect(routed.map((r) => r.assignee_id)).toEqual([staying.user.id, staying.user.id, staying.user.id]);

    const assign = await ctx.request('POST', `/api/v1/tickets/${ids[0]}/assign`, { token: coordinator, body: { assigneeId: leaving.user.id } });
    expectRefusal(assign, 400, 'assigneeId', 'deskMember');

    const asked = await ctx.request('POST', `/api/v1/tickets/${ids[1]}/request-info`, { token: staying.token, body: { question: '请说明培训人数' } });
    expect(asked.status).toBe(200);
    await settleQueues(ctx, ['notifications', 'mail']);
    const mail = await ctx.sql(`SELECT recipient_user_id FROM mail_message WHERE kind = 'info_requested'`);
    expect(mail).toEqual([{ recipient_user_id: manager.user.id }]);
  });
});
