import { Role, ServiceType } from '@enterpark/common';
import { HttpResponse, settleQueues, TestContext, uniqueSuffix } from '@enterpark/testing';

/**
 * Tenancy is enforced on the server, tested from the wrong side: every read of
 * another zone's (or another desk's) data answers 404 or leaves it out of lists,
 * and every refused write leaves the database as it was.
 */

interface Filed {
  id: string;
  tickets: { id: string; type: ServiceType }[];
}


function expectError(res: HttpResponse, status: number, field?: string): void {
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { statusCode: status } });
  expect(res.body).toEqual(
    expect.objectContaining({ error: expect.any(String), code: expect.any(String), message: expect.any(String) }),
  );
  if (field) {
    expect(res.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, rule: expect.any(String), message: expect.any(String) })]),
    );
  }
}

describe('tenancy is enforced on the server', () => {
  let ctx: TestContext;
  let zoneA: string;
  let zoneB: string;
  let zoneBName: string;
  const tokens = {} as Record<'managerA' | 'managerB' | 'finance' | 'media' | 'coordinator' | 'viewer', string>;
  let listA: Filed; // zone A: finance + training
  let listB: Filed; // zone B: finance + media
  let listC: Filed; // zone A: training only (no finance, no media)
  let allLists: Filed[];
  let allTicketIds: string[];

  async function file(token: string, items: { type: ServiceType; title: string }[], title: string): Promise<Filed> {
    const res = await ctx.request('POST', '/api/v1/demand-lists', { token, body: { title, period: '2026-Q4', items } });
    expect(res.status).toBe(201);
    return res.body as Filed;
  }

  /** Every item of a list endpoint, page by page (small pages, so cursors are exercised too). */
  async function listAll(token: string, path: string): Promise<{ id: string; zoneId?: string; desk?: string | null }[]> {
    const items: { id: string; zoneId?: string; desk?: string | null }[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const sep = path.includes('?') ? '&' : '?';
      const res: HttpResponse = await ctx.request('GET', `${path}${sep}limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
      if (!cursor) return items;
    }
    throw new Error(`${path}: too many pages`);
  }

  const ticketOf = (list: Filed, type: ServiceType) => list.tickets.find((t) => t.type === type)!.id;

  beforeAll(async () => {
    ctx = await TestContext.create();
    const a = await ctx.newZone({ name: '合肥经开区' });
    const b = await ctx.newZone({ name: '芜湖经开区', city: '芜湖市' });
    zoneA = a.id;
    zoneB = b.id;
    zoneBName = b.name;
    tokens.managerA = (await ctx.newUser('zone_manager', { zoneId: zoneA })).token;
    tokens.managerB = (await ctx.newUser('zone_manager', { zoneId: zoneB })).token;
    tokens.finance = (await ctx.newUser('desk_staff', { desks: ['finance'] })).token;
    tokens.media = (await ctx.newUser('desk_staff', { desks: ['media'] })).token;
    tokens.viewer = (await ctx.newUser('viewer')).token;
    tokens.coordinator = await ctx.coordinatorToken();

    listA = await file(tokens.managerA, [{ type: 'finance', title: '对接园区贷' }, { type: 'training', title: '政策培训' }], '合肥经开区需求清单');
    listB = await file(tokens.managerB, [{ type: 'finance', title: '产业基金' }, { type: 'media', title: '宣传专栏' }], '芜湖经开区需求清单');
    listC = await file(tokens.managerA, [{ type: 'training', title: '企业家培训' }], '合肥经开区培训清单');
    allLists = [listA, listB, listC];
    allTicketIds = allLists.flatMap((l) => l.tickets.map((t) => t.id));

    // Desk scoping needs routed tickets (a ticket belongs to a desk once routed).
    await ctx.waitFor(async () => {
      const rows = await ctx.sql(`SELECT status FROM ticket WHERE id = ANY($1::uuid[])`, [allTicketIds]);
      return rows.length === allTicketIds.length && rows.every((r) => r.status === 'routed');
    }, 15_000, 'every ticket routed');
    await settleQueues(ctx, ['notifications', 'mail']); // routing mails the assignees: let that land before rows are counted
  });
  afterAll(() => ctx?.close());

  describe('a zone manager of zone A', () => {
    it('reads its own zone, list and ticket (the positive control)', async () => {
      expect((await ctx.request('GET', `/api/v1/zones/${zoneA}`, { token: tokens.managerA })).status).toBe(200);
      expect((await ctx.request('GET', `/api/v1/demand-lists/${listA.id}`, { token: tokens.managerA })).status).toBe(200);
      expect((await ctx.request('GET', `/api/v1/tickets/${ticketOf(listA, 'finance')}`, { token: tokens.managerA })).status).toBe(200);
    });

    it.each([
      ['zone', () => `/api/v1/zones/${zoneB}`],
      ['demand list', () => `/api/v1/demand-lists/${listB.id}`],
      ['finance ticket', () => `/api/v1/tickets/${ticketOf(listB, 'finance')}`],
      ['media ticket', () => `/api/v1/tickets/${ticketOf(listB, 'media')}`],
    ])('gets 404 for zone B\'s %s, exactly like an unknown id', async (_what, path) => {
      const res = await ctx.request('GET', path(), { token: tokens.managerA });
      expectError(res, 404);
      expect(JSON.stringify(res.body)).not.toContain(zoneB);
      const unknown = await ctx.request('GET', path().replace(/[0-9a-f-]{36}$/, '00000000-0000-4000-8000-000000000000'), { token: tokens.managerA });
      expectError(unknown, 404);
      expect({ code: res.body.code, message: res.body.message }).toEqual({ code: unknown.body.code, message: unknown.body.message });
    });

    it('never sees zone B in the zone list', async () => {
      const zones = await listAll(tokens.managerA, '/api/v1/zones');
      expect(zones.map((z) => z.id)).toEqual([zoneA]);
    });

    it('never sees zone B\'s demand lists, not even when filtering by zone B', async () => {
      const lists = await listAll(tokens.managerA, '/api/v1/demand-lists');
      expect(lists.map((l) => l.id).sort()).toEqual([listA.id, listC.id].sort());
      const filtered = await ctx.request('GET', `/api/v1/demand-lists?zoneId=${zoneB}`, { token: tokens.managerA });
      expect(filtered.status).toBe(200);
      expect(filtered.body).toEqual({ items: [], nextCursor: null });
    });

    it('never sees zone B\'s tickets, whatever the filter', async () => {
      const tickets = await listAll(tokens.managerA, '/api/v1/tickets');
      expect(tickets.map((t) => t.id).sort()).toEqual([...listA.tickets, ...listC.tickets].map((t) => t.id).sort());
      expect(tickets.every((t) => t.zoneId === zoneA)).toBe(true);
      for (const query of [`zoneId=${zoneB}`, `demandListId=${listB.id}`, 'type=media', 'q=产业基金']) {
        const res = await ctx.request('GET', `/api/v1/tickets?${query}`, { token: tokens.managerA });
        expect({ query, status: res.status, body: res.body }).toEqual({ query, status: 200, body: { items: [], nextCursor: null } });
      }
    });

    it('learns nothing about zone B from a zone list filtered by zone B', async () => {
      const res = await ctx.request('GET', `/api/v1/zones?zoneId=${zoneB}`, { token: tokens.managerA });
      // Either refused as an unknown filter (400) or answered within scope: never zone B.
      expect([200, 400]).toContain(res.status);
      if (res.status === 400) expectError(res, 400, 'zoneId');
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(zoneB);
      expect(text).not.toContain(zoneBName);
    });
  });

  describe('desk staff', () => {
    it('list only the tickets of their desks, across zones', async () => {
      const finance = await listAll(tokens.finance, '/api/v1/tickets');
      expect(finance.map((t) => t.id).sort()).toEqual([ticketOf(listA, 'finance'), ticketOf(listB, 'finance')].sort());
      expect(finance.every((t) => t.desk === 'finance')).toBe(true);
      const media = await listAll(tokens.media, '/api/v1/tickets');
      expect(media.map((t) => t.id)).toEqual([ticketOf(listB, 'media')]);
      const filtered = await ctx.request('GET', '/api/v1/tickets?type=training', { token: tokens.finance });
      expect(filtered.body).toEqual({ items: [], nextCursor: null });
    });

    it('read a ticket of their desk in any zone', async () => {
      for (const id of [ticketOf(listA, 'finance'), ticketOf(listB, 'finance')]) {
        const res = await ctx.request('GET', `/api/v1/tickets/${id}`, { token: tokens.finance });
        expect(res.status).toBe(200);
        expect(res.body.desk).toBe('finance');
      }
    });

    it.each([
      ['media', () => ticketOf(listB, 'media')],
      ['training', () => ticketOf(listA, 'training')],
      ['training (only item of its list)', () => listC.tickets[0].id],
    ])('get 404 for another desk\'s %s ticket', async (_what, id) => {
      expectError(await ctx.request('GET', `/api/v1/tickets/${id()}`, { token: tokens.finance }), 404);
    });

    it('see a demand list only with the tickets of their desks, and not at all when none is theirs', async () => {
      const lists = await listAll(tokens.finance, '/api/v1/demand-lists');
      expect(lists.map((l) => l.id).sort()).toEqual([listA.id, listB.id].sort());
      const b = await ctx.request('GET', `/api/v1/demand-lists/${listB.id}`, { token: tokens.finance });
      expect(b.status).toBe(200);
      expect(b.body.tickets.map((t: { id: string }) => t.id)).toEqual([ticketOf(listB, 'finance')]);
      expectError(await ctx.request('GET', `/api/v1/demand-lists/${listC.id}`, { token: tokens.finance }), 404);
      expectError(await ctx.request('GET', `/api/v1/demand-lists/${listA.id}`, { token: tokens.media }), 404);
    });
  });

  describe.each(['coordinator', 'viewer'] as const)('a %s', (who) => {
    it('sees every zone, list and ticket', async () => {
      const token = tokens[who];
      const zones = (await listAll(token, '/api/v1/zones')).map((z) => z.id);
      expect(zones).toEqual(expect.arrayContaining([zoneA, zoneB]));
      const lists = (await listAll(token, '/api/v1/demand-lists')).map((l) => l.id);
      expect(lists.sort()).toEqual(allLists.map((l) => l.id).sort());
      const tickets = (await listAll(token, '/api/v1/tickets')).map((t) => t.id);
      expect(tickets.sort()).toEqual([...allTicketIds].sort());
      const byZone = await ctx.request('GET', `/api/v1/tickets?zoneId=${zoneB}`, { token });
      expect(byZone.body.items.map((t: { id: string }) => t.id).sort()).toEqual(listB.tickets.map((t) => t.id).sort());
      for (const path of [`/api/v1/zones/${zoneB}`, `/api/v1/demand-lists/${listB.id}`, `/api/v1/tickets/${ticketOf(listB, 'media')}`]) {
        expect({ path, status: (await ctx.request('GET', path, { token })).status }).toEqual({ path, status: 200 });
      }
      const full = await ctx.request('GET', `/api/v1/demand-lists/${listB.id}`, { token });
      expect(full.body.tickets).toHaveLength(2);
    });
  });

  describe('role checks refuse and write nothing', () => {
    const validZone = () => ({ code: `refused-${uniqueSuffix()}`, name: '不应创建的园区', level: 'provincial', city: '滁州市' });
    const validUser = () => ({ email: `refused.${uniqueSuffix()}@enterpark.test`, name: '不应创建', password: 'Refused-Passw0rd!', role: 'viewer' });
    const validProvider = () => ({ name: '徽商银行', kind: 'bank', serviceTypes: ['finance'], capacity: 5, email: 'bank@example.cn' });
    const validList = () => ({ title: '不应提交的清单', items: [{ type: 'finance', title: '不应创建的工单' }] });
    type Who = 'managerA' | 'finance' | 'viewer' | 'coordinator';

    const refusals: [string, Who, string, () => string, () => unknown, number, string?][] = [
      ['a viewer files a demand list', 'viewer', 'POST', () => '/api/v1/demand-lists', () => ({ ...validList(), zoneId: zoneA }), 403],
      ['a viewer creates a zone', 'viewer', 'POST', () => '/api/v1/zones', validZone, 403],
      ['a viewer creates a user', 'viewer', 'POST', () => '/api/v1/users', validUser, 403],
      ['a viewer creates a provider', 'viewer', 'POST', () => '/api/v1/providers', validProvider, 403],
      ['a desk staff files a demand list', 'finance', 'POST', () => '/api/v1/demand-lists', validList, 403],
      ['a desk staff files a demand list for a zone', 'finance', 'POST', () => '/api/v1/demand-lists', () => ({ ...validList(), zoneId: zoneA }), 403],
      ['a desk staff creates a zone', 'finance', 'POST', () => '/api/v1/zones', validZone, 403],
      ['a desk staff creates a user', 'finance', 'POST', () => '/api/v1/users', validUser, 403],
      ['a desk staff creates a provider', 'finance', 'POST', () => '/api/v1/providers', validProvider, 403],
      ['a zone manager creates a zone', 'managerA', 'POST', () => '/api/v1/zones', validZone, 403],
      ['a zone manager creates a user', 'managerA', 'POST', () => '/api/v1/users', () => ({ ...validUser(), role: 'zone_manager', zoneId: zoneA }), 403],
      ['a zone manager creates a provider', 'managerA', 'POST', () => '/api/v1/providers', validProvider, 403],
      ['a coordinator files a list without zoneId', 'coordinator', 'POST', () => '/api/v1/demand-lists', validList, 400, 'zoneId'],
      ['a coordinator files a list for an unknown zone', 'coordinator', 'POST', () => '/api/v1/demand-lists', () => ({ ...validList(), zoneId: '00000000-0000-4000-8000-000000000000' }), 400, 'zoneId'],
      ['a zone manager files a list for another zone', 'managerA', 'POST', () => '/api/v1/demand-lists', () => ({ ...validList(), zoneId: zoneB }), 400, 'zoneId'],
      ['a zone manager files a list naming its own zone', 'managerA', 'POST', () => '/api/v1/demand-lists', () => ({ ...validList(), zoneId: zoneA }), 400, 'zoneId'],
    ];

    // One argument per row: jest would take a trailing unfilled parameter for a `done` callback.
    it.each(refusals.map(([what, who, method, path, body, status, field]) => ({ what, who, method, path, body, status, field })))(
      '$what',
      async ({ who, method, path, body, status, field }) => {
        const before = await ctx.rowCounts();
        const res = await ctx.request(method, path(), { token: tokens[who], body: body(), headers: { 'Idempotency-Key': `refused-${uniqueSuffix()}` } });
        expectError(res, status, field);
        expect(await ctx.rowCounts()).toEqual(before);
      },
    );

    it.each([
      { role: 'viewer', who: 'viewer' },
      { role: 'zone manager', who: 'managerA' },
      { role: 'desk staff', who: 'finance' },
    ] as { role: string; who: Who }[])('a $role cannot change a provider (403)', async ({ who }) => {
      const before = await ctx.rowCounts();
      const res = await ctx.request('PATCH', `/api/v1/providers/00000000-0000-4000-8000-000000000000`, { token: tokens[who], body: { capacity: 1 } });
      expectError(res, 403);
      expect(await ctx.rowCounts()).toEqual(before);
    });

    it.each([
      { role: 'zone manager', who: 'managerA', path: '/api/v1/users' },
      { role: 'zone manager', who: 'managerA', path: '/api/v1/providers' },
      { role: 'desk staff', who: 'finance', path: '/api/v1/users' },
      { role: 'viewer', who: 'viewer', path: '/api/v1/users' },
    ] as { role: string; who: Who; path: string }[])('a $role cannot GET $path (403)', async ({ who, path }) => {
      const res = await ctx.request('GET', path, { token: tokens[who] });
      expectError(res, 403);
      expect(res.body.items).toBeUndefined();
    });

    it.each([
      { role: 'desk staff', who: 'finance' },
      { role: 'viewer', who: 'viewer' },
    ] as { role: string; who: Who }[])('a $role may GET /api/v1/providers (staff)', async ({ who }) => {
      expect((await ctx.request('GET', '/api/v1/providers', { token: tokens[who] })).status).toBe(200);
    });

    it('a coordinator may file for any zone when naming it (the positive control)', async () => {
      const res = await ctx.request('POST', '/api/v1/demand-lists', { token: tokens.coordinator, body: { ...validList(), zoneId: zoneB } });
      expect(res.status).toBe(201);
      expect(res.body.zoneId).toBe(zoneB);
      // ...and zone A's manager still does not see it.
      expectError(await ctx.request('GET', `/api/v1/demand-lists/${res.body.id}`, { token: tokens.managerA }), 404);
      expect((await ctx.request('GET', `/api/v1/demand-lists/${res.body.id}`, { token: tokens.managerB })).status).toBe(200);
      // Let the worker route it, so that later tests count a quiet database.
      await ctx.waitFor(async () => {
        const rows = await ctx.sql(`SELECT status FROM ticket WHERE demand_list_id = $1`, [res.body.id]);
        return rows.length === 1 && rows[0].status === 'routed';
      }, 15_000, 'the coordinator\'s ticket routed');
      await settleQueues(ctx, ['notifications', 'mail']);
    });

    it.each(['zone_manager', 'desk_staff', 'viewer'] as Role[])('a %s token cannot create a coordinator for itself', async (role) => {
      const { token } = await ctx.newUser(role, role === 'zone_manager' ? { zoneId: zoneA } : role === 'desk_staff' ? { desks: ['media'] } : {});
      const before = await ctx.rowCounts();
      const res = await ctx.request('POST', '/api/v1/users', {
        token,
        body: { email: `escalate.${role}@enterpark.test`, name: '越权', password: 'Escalate-Passw0rd!', role: 'coordinator' },
      });
      expectError(res, 403);
      expect(await ctx.rowCounts()).toEqual(before);
    });
  });
});
