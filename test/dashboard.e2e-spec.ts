import { HttpResponse, TestClock, TestContext } from '@enterpark/testing';
import { TimersProcessor } from '../apps/worker/src/timers/timers.processor';

const at = (local: string) => new Date(`${local}+08:00`);

/**
 * The province dashboard over three weeks lived on a test clock: filed in week 45, one ticket
 * accepted in time and one after its triage deadline, one served and closed in week 46, read
 * in week 47. Every figure is checked, from the role that may see it and from those that may not.
 */
describe('GET /dashboard', () => {
  const clock = new TestClock(at('2026-11-02T09:00:00')); // Monday of 2026-W45
  let ctx: TestContext;
  const tokens = {} as Record<'managerA' | 'managerB' | 'finance' | 'coordinator' | 'viewer', string>;
  const ids = {} as Record<'onTime' | 'late' | 'media' | 'otherZone', string>;
  let zoneA: string;
  let zoneB: string;

  const get = (path: string, token = tokens.coordinator) => ctx.request('GET', `/api/v1${path}`, { token });
  async function post(path: string, token: string, body: unknown = {}): Promise<HttpResponse> {
    const res = await ctx.request('POST', `/api/v1${path}`, { token, body });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }
  const waitStatus = (id: string, status: string) =>
    ctx.waitFor(async () => (await get(`/tickets/${id}`)).body.status === status, 10_000, `${id} ${status}`);

  beforeAll(async () => {
    // Sweeps run by hand after moving the clock; the periodic one would race them (SKIP LOCKED).
    ctx = await TestContext.create({ clock, env: { TIMER_SWEEP_MS: '3600000' } });
    zoneA = (await ctx.newZone({ name: '合肥经开区' })).id;
    zoneB = (await ctx.newZone({ name: '芜湖经开区', city: '芜湖市' })).id;
    tokens.managerA = (await ctx.newUser('zone_manager', { zoneId: zoneA })).token;
    tokens.managerB = (await ctx.newUser('zone_manager', { zoneId: zoneB })).token;
    tokens.finance = (await ctx.newUser('desk_staff', { desks: ['finance'] })).token;
    await ctx.newUser('desk_staff', { desks: ['media'] });
    tokens.viewer = (await ctx.newUser('viewer')).token;
    tokens.coordinator = await ctx.coordinatorToken();
    await post('/providers', tokens.coordinator, { name: '徽商银行合肥分行', kind: 'bank', serviceTypes: ['finance'], capacity: 5, email: 'loans@hsbank.example.cn' });

    const listA = await post('/demand-lists', tokens.managerA, { title: '合肥清单', items: [{ type: 'finance', title: '园区贷' }, { type: 'finance', title: '产业基金' }, { type: 'media', title: '宣传片' }] });
    [ids.onTime, ids.late, ids.media] = listA.body.tickets.map((t: { id: string }) => t.id);
    ids.otherZone = (await post('/demand-lists', tokens.managerB, { title: '芜湖清单', items: [{ type: 'finance', title: '外贸融资' }] })).body.tickets[0].id;
    for (const id of Object.values(ids)) await waitStatus(id, 'routed');

    // Tuesday: one accepted well within triage (2 working days), its proposal accepted at once.
    clock.set(at('2026-11-03T10:00:00'));
    await post(`/tickets/${ids.onTime}/accept`, tokens.finance);
    const proposal = await ctx.waitFor(async () => (await get(`/tickets/${ids.onTime}/matches`)).body.items.find((m: { status: string }) => m.status === 'proposed'));
    clock.set(at('2026-11-03T11:00:00'));
    await post(`/matches/${proposal.id}/accept`, tokens.finance);
    // Thursday: the others' triage deadline (Tuesday 24:00) has passed; one is accepted late.
    clock.set(at('2026-11-05T10:00:00'));
    await ctx.worker!.get(TimersProcessor).sweepOnce();
    await ctx.waitFor(async () => (await ctx.sql(`SELECT 1 FROM event WHERE name = 'ticket.sla_breached' AND aggregate_id = $1`, [ids.late])).length > 0);
    await post(`/tickets/${ids.late}/accept`, tokens.finance);
    await waitStatus(ids.late, 'matching');
    // Week 46: served, completed and confirmed.
    clock.set(at('2026-11-10T15:00:00'));
    await post(`/tickets/${ids.onTime}/activities`, tokens.finance, { date: '2026-11-10', kind: 'financing_session', notes: '银企对接会' });
    await post(`/tickets/${ids.onTime}/complete`, tokens.finance, { outcome: '授信 3000 万元' });
    clock.set(at('2026-11-11T09:00:00'));
    await post(`/tickets/${ids.onTime}/confirm`, tokens.managerA, { rating: 5, solved: true });
    await ctx.waitFor(async () => (await ctx.sql(`SELECT 1 FROM ticket_summary WHERE ticket_id = $1 AND kind = 'closed'`, [ids.onTime])).length > 0);
    clock.set(at('2026-11-18T09:00:00')); // read in week 47
  });
  afterAll(() => ctx.close());

  it('by default covers the 12 ISO weeks up to the current one: trend, types and statuses now, SLA by stage, the league', async () => {
    const res = await get('/dashboard', tokens.viewer);
    expect(res.status).toBe(200);
    const d = res.body;
    expect([d.from, d.to]).toEqual(['2026-W36', '2026-W47']);
    expect(d.weekly).toHaveLength(12);
    expect(d.weekly.filter((w: { filed: number; completed: number }) => w.filed || w.completed)).toEqual([
      { week: '2026-W45', startsAt: '2026-11-01T16:00:00.000Z', filed: 4, completed: 0 },
      { week: '2026-W46', startsAt: '2026-11-08T16:00:00.000Z', filed: 0, completed: 1 },
    ]);
    expect(d.byType).toEqual([
      { type: 'media', typeName: '媒体进园区', count: 1 },
      { type: 'finance', typeName: '金融进园区', count: 3 },
      ...['training', 'foreign_investment', 'party_building', 'precision_service'].map((type) => expect.objectContaining({ type, count: 0 })),
    ]);
    expect([...d.byStatus].sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { status: 'closed', count: 1 },
      { status: 'matching', count: 1 },
      { status: 'routed', count: 2 },
    ]);
    expect(d.sla).toEqual([
      { stage: 'triage', onTime: 1, breached: 1 },
      { stage: 'matching', onTime: 1, breached: 0 },
      { stage: 'service', onTime: 1, breached: 0 },
    ]);
    expect(d.league).toMatchObject({ ranked: 2, leftOut: 0, bottom: [], overall: { completionRate: 0.25, averageRating: 5 } });
    expect(d.league.top).toEqual([
      expect.objectContaining({ rank: 1, zoneId: zoneA, zoneName: '合肥经开区', completed: 1, open: 2, averageRating: 5 }),
      expect.objectContaining({ rank: 2, zoneId: zoneB, zoneName: '芜湖经开区', completed: 0, open: 1, completionRate: 0, averageRating: null }),
    ]);
    expect(d.league.top[0].completionRate).toBeCloseTo(1 / 3);
  });

  it('takes a period of ISO weeks: only what happened in it counts, except the figures of now', async () => {
    const d = (await get('/dashboard?from=2026-W46&to=2026-W46')).body;
    expect(d.weekly).toEqual([{ week: '2026-W46', startsAt: '2026-11-08T16:00:00.000Z', filed: 0, completed: 1 }]);
    expect(d.sla).toEqual([
      { stage: 'triage', onTime: 0, breached: 0 },
      { stage: 'matching', onTime: 0, breached: 0 },
      { stage: 'service', onTime: 1, breached: 0 },
    ]);
    expect(d.byType.find((t: { type: string }) => t.type === 'finance').count).toBe(3);
  });

  it.each([
    ['from=2026-W60', 'from'],
    ['to=2026-11-18', 'to'],
    ['from=2026-W47&to=2026-W40', 'from'],
    ['from=2025-W01&to=2026-W47', 'from'],
  ])('?%s is a 400 naming %s', async (query, field) => {
    const res = await get(`/dashboard?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field })]);
  });

  it('is for coordinators and viewers only', async () => {
    for (const token of [tokens.managerA, tokens.finance]) expect((await get('/dashboard', token)).status).toBe(403);
    expect((await ctx.request('GET', '/api/v1/dashboard')).status).toBe(401);
  });
});
