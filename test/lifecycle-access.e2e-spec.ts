import { settleQueues, TestContext } from '@enterpark/testing';

/** A valid body for each lifecycle action, so that only the caller decides the answer. */
const ACTIONS: Record<string, unknown> = {
  accept: { priority: 'normal' },
  reject: { reason: '不属于受理范围' },
  'request-info': { question: '请补充材料' },
  'provide-info': { answer: '已补充' },
  return: { reason: '分错服务台' },
  reroute: { type: 'media', reason: '改派' },
  assign: { assigneeId: '00000000-0000-4000-8000-000000000000' },
  match: { providerId: '00000000-0000-4000-8000-000000000000' },
  activities: { date: '2026-11-20', kind: 'visit', notes: '走访' },
  complete: { outcome: '已完成' },
  confirm: { rating: 5, solved: true },
  cancel: { reason: '不再需要' },
};

const DESK_ACTIONS = ['accept', 'reject', 'request-info', 'return', 'assign', 'match', 'activities', 'complete'];
const ZONE_ACTIONS = ['provide-info', 'confirm', 'cancel'];

describe('every lifecycle action from the wrong side: 404 outside scope, 403 for the wrong role, nothing changes', () => {
  let ctx: TestContext;
  let ticketId: string;
  let callers: Record<string, string>;

  beforeAll(async () => {
    ctx = await TestContext.create();
    const zone = await ctx.newZone();
    const otherZone = await ctx.newZone();
    const manager = await ctx.newUser('zone_manager', { zoneId: zone.id });
    await ctx.newUser('desk_staff', { desks: ['finance'] });
    callers = {
      otherZoneManager: (await ctx.newUser('zone_manager', { zoneId: otherZone.id })).token,
      otherDesk: (await ctx.newUser('desk_staff', { desks: ['media', 'training'] })).token,
      ownZoneManager: manager.token,
      financeDesk: (await ctx.newUser('desk_staff', { desks: ['finance'] })).token,
      viewer: (await ctx.newUser('viewer')).token,
    };
    const res = await ctx.request('POST', '/api/v1/demand-lists', { token: manager.token, body: { title: '清单', items: [{ type: 'finance', title: '园区贷' }] } });
    ticketId = res.body.tickets[0].id;
    await ctx.waitFor(async () => (await ctx.sql(`SELECT status FROM ticket WHERE id = $1`, [ticketId]))[0].status === 'routed', 10_000, 'routed');
    // Routing to an assignee mails them: let that land before any case counts rows.
    await settleQueues(ctx, ['notifications', 'mail']);
  });
  afterAll(() => ctx.close());

  const cases: [string, string, number][] = [
    ...Object.keys(ACTIONS).map((a) => ['otherZoneManager', a, 404] as [string, string, number]),
    ...Object.keys(ACTIONS).map((a) => ['otherDesk', a, 404] as [string, string, number]),
    ...Object.keys(ACTIONS).map((a) => ['viewer', a, 403] as [string, string, number]),
    ...DESK_ACTIONS.map((a) => ['ownZoneManager', a, 403] as [string, string, number]),
    ['ownZoneManager', 'reroute', 403],
    ...ZONE_ACTIONS.filter((a) => a !== 'cancel').map((a) => ['financeDesk', a, 403] as [string, string, number]),
    ['financeDesk', 'cancel', 403],
    ['financeDesk', 'reroute', 403],
  ];

  it.each(cases)('%s → %s answers %d and writes nothing', async (caller, action, status) => {
    const [before] = await ctx.sql(`SELECT version, status FROM ticket WHERE id = $1`, [ticketId]);
    const counts = await ctx.rowCounts();
    const res = await ctx.request('POST', `/api/v1/tickets/${ticketId}/${action}`, { token: callers[caller], body: ACTIONS[action] });
    expect(res.status).toBe(status);
    if (status === 404) expect(res.body.message).not.toContain(ticketId);
    expect(await ctx.rowCounts()).toEqual(counts);
    expect((await ctx.sql(`SELECT version, status FROM ticket WHERE id = $1`, [ticketId]))[0]).toEqual(before);
  });

  it('an unknown or malformed ticket id answers 404', async () => {
    for (const id of ['00000000-0000-4000-8000-00000000abcd', 'not-a-uuid']) {
      expect((await ctx.request('POST', `/api/v1/tickets/${id}/accept`, { token: callers.financeDesk, body: {} })).status).toBe(404);
    }
  });
});
