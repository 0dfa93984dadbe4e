import { SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { TestContext } from '@enterpark/testing';

const SIX_ITEMS = SERVICE_TYPES.map((type) => ({ type, title: `需求：${type}` }));

describe('a zone files a demand list and every ticket is routed', () => {
  let ctx: TestContext;
  let zoneId: string;
  let managerToken: string;
  const staff = new Map<ServiceType, string[]>();

  beforeAll(async () => {
    ctx = await TestContext.create();
    zoneId = (await ctx.newZone({ name: '合肥经开区' })).id;
    managerToken = (await ctx.newUser('zone_manager', { zoneId })).token;
    for (const desk of SERVICE_TYPES) {
      const a = await ctx.newUser('desk_staff', { desks: [desk] });
      const b = await ctx.newUser('desk_staff', { desks: [desk] });
      staff.set(desk, [a.user.id, b.user.id]);
    }
  });
  afterAll(() => ctx.close());

  async function file(items: { type: ServiceType; title: string }[], headers: Record<string, string> = {}) {
    return ctx.request('POST', '/api/v1/demand-lists', { token: managerToken, body: { title: '2026 年第四季度需求清单', period: '2026-Q4', items }, headers });
  }

  async function waitRouted(listId: string) {
    return ctx.waitFor(async () => {
      const rows = await ctx.sql(`SELECT id, type, status, desk, assignee_id FROM ticket WHERE demand_list_id = $1 ORDER BY seq`, [listId]);
      return rows.every((r) => r.status === 'routed') ? rows : null;
    }, 10_000, 'every ticket routed');
  }

  it('stores the list with one submitted ticket per item and their events in one go', async () => {
    const res = await file(SIX_ITEMS);
    expect(res.status).toBe(201);
    expect(res.body.zoneId).toBe(zoneId);
    expect(res.body.tickets.map((t: { type: string }) => t.type)).toEqual([...SERVICE_TYPES]);
    const events = await ctx.sql(`SELECT name FROM event WHERE aggregate_id::text = $1 OR payload->>'demandListId' = $1`, [res.body.id]);
    expect(events.filter((e) => e.name === 'ticket.submitted')).toHaveLength(6);
    expect(events.filter((e) => e.name === 'demand_list.filed')).toHaveLength(1);
  });

  it('routes all six tickets to the desk of their type and a member of that desk', async () => {
    const res = await file(SIX_ITEMS);
    const routed = await waitRouted(res.body.id);
    for (const ticket of routed) {
      expect(ticket.desk).toBe(ticket.type);
      expect(staff.get(ticket.type)).toContain(ticket.assignee_id);
    }
  });

  it('records the routing in the ticket history readable over HTTP', async () => {
    const res = await file([{ type: 'finance', title: '对接园区贷' }]);
    const [routed] = await waitRouted(res.body.id);
    const ticket = await ctx.request('GET', `/api/v1/tickets/${routed.id}`, { token: managerToken });
    expect(ticket.status).toBe(200);
    expect(ticket.body.status).toBe('routed');
    expect(ticket.body.history.map((h: { type: string }) => h.type)).toEqual(['ticket.submitted', 'ticket.routed']);
    expect(ticket.body.history[1].data).toMatchObject({ desk: 'finance', assigneeId: routed.assignee_id, rule: 'least_loaded' });
  });

  it('spreads a desk\'s tickets over its staff, least loaded first', async () => {
    const res = await file(Array.from({ length: 10 }, (_, i) => ({ type: 'training' as const, title: `培训需求 ${i}` })));
    await waitRouted(res.body.id);
    const load = await ctx.sql(
      `SELECT assignee_id, count(*)::int AS n FROM ticket WHERE desk = 'training' GROUP BY assignee_id ORDER BY assignee_id`,
    );
    expect(load).toHaveLength(2);
    expect(Math.abs(load[0].n - load[1].n)).toBeLessThanOrEqual(1);
    // The workload counter that assignment reads agrees with the tickets themselves.
    const counters = await ctx.sql(`SELECT user_id AS assignee_id, open_tickets AS n FROM staff_workload WHERE user_id = ANY($1::uuid[]) ORDER BY user_id`, [
      load.map((l) => l.assignee_id),
    ]);
    expect(counters).toEqual(load);
  });

  it('answers a retry with the same Idempotency-Key with the same list and files nothing twice', async () => {
    const headers = { 'Idempotency-Key': 'retry-2026-q4-001' };
    const first = await file(SIX_ITEMS, headers);
    const again = await file(SIX_ITEMS, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.tickets.map((t: { id: string }) => t.id)).toEqual(first.body.tickets.map((t: { id: string }) => t.id));
    const [{ n }] = await ctx.sql(`SELECT count(*)::int AS n FROM demand_list WHERE idempotency_key = $1`, [headers['Idempotency-Key']]);
    expect(n).toBe(1);
  });

  it('refuses the same Idempotency-Key with another body (409) and writes nothing', async () => {
    const headers = { 'Idempotency-Key': 'retry-2026-q4-002' };
    await file(SIX_ITEMS, headers);
    const before = await ctx.sql(`SELECT count(*)::int AS n FROM ticket`);
    const other = await file([{ type: 'media', title: '不同的需求' }], headers);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await ctx.sql(`SELECT count(*)::int AS n FROM ticket`)).toEqual(before);
  });

  it('files one list when the same key is sent twice at the same moment', async () => {
    const headers = { 'Idempotency-Key': 'concurrent-001' };
    const [a, b] = await Promise.all([file(SIX_ITEMS, headers), file(SIX_ITEMS, headers)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
  });
});
