import { TestContext } from '@enterpark/testing';

const json = (r: Response): Promise<any> => r.json();

describe('the queue dashboard at /admin/queues is for coordinators only, read-only by default', () => {
  let ctx: TestContext;
  let coordinator: string;

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false });
    coordinator = await ctx.coordinatorToken();
  });
  afterAll(() => ctx.close());

  function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
    return fetch(`${ctx.baseUrl}${path}`, { method, headers: { accept: 'text/html', ...headers }, redirect: 'manual' });
  }

  /** What a coordinator's browser does: open the console's link, keep the cookie it sets. */
  async function signedInCookie(): Promise<string> {
    const res = await get(`/admin/queues?access_token=${coordinator}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/queues');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^ep_queues=[^;]+; Max-Age=\d+; Path=\/admin\/queues; HttpOnly; SameSite=Strict$/);
    return cookie.split(';')[0];
  }

  it('refuses anyone without a token (401), and every other role (403), never showing the board', async () => {
    const zoneId = (await ctx.newZone()).id;
    const others = [
      (await ctx.newUser('zone_manager', { zoneId })).token,
      (await ctx.newUser('desk_staff', { desks: ['media'] })).token,
      (await ctx.newUser('viewer')).token,
    ];
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      const anonymous = await get(path);
      expect(anonymous.status).toBe(401);
      expect((await json(anonymous)).message).toContain('队列监控');
      expect((await get(path, { cookie: 'ep_queues=not-a-token' })).status).toBe(401);
      for (const token of others) {
        expect((await get(path, { authorization: `Bearer ${token}` })).status).toBe(403);
        expect((await get(`${path}?access_token=${token}`)).status).toBe(403);
      }
    }
  });

  it('lets a coordinator in from the console link: the token moves into an HttpOnly cookie and out of the address', async () => {
    const cookie = await signedInCookie();
    const page = await get('/admin/queues', { cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('进园区 · 队列监控');
    const api = await get('/admin/queues/api/queues', { cookie, accept: 'application/json' });
    expect(api.status).toBe(200);
    const body = await json(api);
    expect(body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['bulletins', 'completion', 'digests', 'mail', 'matching', 'notifications', 'routing', 'timers', 'webhooks']);
    expect(body.queues.every((q: { readOnlyMode: boolean }) => q.readOnlyMode)).toBe(true);
  });

  it('shuts out a coordinator deactivated after the cookie was set', async () => {
    const other = await ctx.newUser('coordinator');
    const res = await get(`/admin/queues?access_token=${other.token}`);
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    expect((await get('/admin/queues', { cookie })).status).toBe(200);
    const patched = await ctx.request('PATCH', `/api/v1/users/${other.user.id}`, { token: coordinator, body: { active: false } });
    expect(patched.status).toBe(200);
    expect((await get('/admin/queues', { cookie })).status).toBe(401);
  });

  it('refuses every change while read-only: retry, clean, pause', async () => {
    const cookie = await signedInCookie();
    for (const [method, path] of [
      ['PUT', '/admin/queues/api/queues/routing/retry/failed'],
      ['PUT', '/admin/queues/api/queues/routing/clean/completed'],
      ['PUT', '/admin/queues/api/queues/routing/pause'],
    ]) {
      const res = await get(path, { cookie, accept: 'application/json' }, method);
      expect(res.status).toBe(403);
      expect((await json(res)).code).toBe('QUEUE_DASHBOARD_READ_ONLY');
    }
  });
});

describe('with QUEUE_DASHBOARD_WRITE=true a coordinator may act on a queue', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false, env: { QUEUE_DASHBOARD_WRITE: 'true' } });
  });
  afterAll(() => ctx.close());

  it('pauses and resumes the routing queue', async () => {
    const auth = { authorization: `Bearer ${await ctx.coordinatorToken()}` };
    const queue = () => fetch(`${ctx.baseUrl}/admin/queues/api/queues`, { headers: auth }).then(json);
    expect((await fetch(`${ctx.baseUrl}/admin/queues/api/queues/routing/pause`, { method: 'PUT', headers: auth })).status).toBe(200);
    const paused = (await queue()).queues.find((q: { name: string }) => q.name === 'routing');
    expect(paused).toMatchObject({ readOnlyMode: false, isPaused: true });
    expect((await fetch(`${ctx.baseUrl}/admin/queues/api/queues/routing/resume`, { method: 'PUT', headers: auth })).status).toBe(200);
    expect((await queue()).queues.find((q: { name: string }) => q.name === 'routing').isPaused).toBe(false);
  });
});
