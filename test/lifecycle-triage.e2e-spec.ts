import { ServiceType } from '@enterpark/common';
import { settleQueues, TestClock, TestContext } from '@enterpark/testing';
import { TimersProcessor } from '../apps/worker/src/timers/timers.processor';

// Monday 2026-11-16 10:00 in Shanghai.
const MONDAY = new Date('2026-11-16T02:00:00Z');
const HOUR = 3600_000;

describe('triage: the desk accepts, rejects, asks, returns; coordinators reroute; SLA clocks run', () => {
  let ctx: TestContext;
  let clock: TestClock;
  let zoneId: string;
  let manager: string;
  let coordinator: string;
  const desk = new Map<ServiceType, { id: string; token: string }[]>();

  beforeAll(async () => {
    clock = new TestClock(MONDAY);
    // Sweeps run by hand after moving the clock; the periodic one would race them (SKIP LOCKED).
    ctx = await TestContext.create({ clock, env: { TIMER_SWEEP_MS: '3600000', CALENDAR_IGNORE_PACKAGE_YEARS: '2027' } });
    zoneId = (await ctx.newZone({ name: '芜湖经开区', city: '芜湖市' })).id;
    manager = (await ctx.newUser('zone_manager', { zoneId })).token;
    coordinator = await ctx.coordinatorToken();
    for (const type of ['finance', 'training'] as const) {
      const members = [];
      for (let i = 0; i < 2; i++) {
        const { user, token } = await ctx.newUser('desk_staff', { desks: [type] });
        members.push({ id: user.id, token });
      }
      desk.set(type, members);
    }
  });
  afterAll(() => ctx.close());
  beforeEach(() => clock.set(MONDAY));

  const post = (path: string, token: string, body: unknown = {}) => ctx.request('POST', `/api/v1/tickets/${path}`, { token, body });
  const tokenOf = (type: ServiceType, userId: string) => desk.get(type)!.find((m) => m.id === userId)!.token;

  /** Files a one-item list and waits until its ticket is routed; returns the routed ticket. */
  async function routedTicket(type: ServiceType = 'finance') {
    const res = await ctx.request('POST', '/api/v1/demand-lists', { token: manager, body: { title: '需求清单', items: [{ type, title: `需求 ${type}` }] } });
    expect(res.status).toBe(201);
    const id = res.body.tickets[0].id as string;
    return ctx.waitFor(async () => {
      const t = await ctx.request('GET', `/api/v1/tickets/${id}`, { token: coordinator });
      return t.body.status === 'routed' ? t.body : null;
    }, 10_000, 'ticket routed');
  }

  async function history(id: string): Promise<string[]> {
    return (await ctx.request('GET', `/api/v1/tickets/${id}`, { token: coordinator })).body.history.map((h: { type: string }) => h.type);
  }

  it('accept: priority and due date, the acceptor keeps the ticket, matching clock starts; history says who and when', async () => {
    const t = await routedTicket();
    const staff = tokenOf('finance', t.assigneeId);
    const res = await post(`${t.id}/accept`, staff, { priority: 'high', dueAt: '2026-12-31T18:00:00+08:00' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'triaged', priority: 'high', dueAt: '2026-12-31T10:00:00.000Z', acceptedAt: MONDAY.toISOString() });
    // 5 working days after Monday 16 Nov = Monday 23 Nov, 24:00 Shanghai.
    expect(res.body.sla).toMatchObject({ stage: 'matching', dueAt: '2026-11-23T16:00:00.000Z' });
    const ticket = await ctx.request('GET', `/api/v1/tickets/${t.id}`, { token: coordinator });
    expect(ticket.body.history.at(-1)).toMatchObject({ type: 'ticket.accepted', actorId: t.assigneeId, at: MONDAY.toISOString(), data: { priority: 'high' } });
  });

  it('accept with a date alone: due at the end of that day in Shanghai (24:00 = 16:00Z), not at its UTC midnight', async () => {
    const t = await routedTicket();
    const res = await post(`${t.id}/accept`, tokenOf('finance', t.assigneeId), { dueAt: '2026-12-15' });
    expect(res.status).toBe(200);
    expect(res.body.dueAt).toBe('2026-12-15T16:00:00.000Z');
    const [row] = await ctx.sql(`SELECT due_at FROM ticket WHERE id = $1`, [t.id]);
    expect(row.due_at).toEqual(new Date('2026-12-15T16:00:00Z'));
  });

  it('needs-info round trip: the desk asks, the zone answers, the ticket is back on the desk with its clock restarted', async () => {
    const t = await routedTicket();
    const staff = tokenOf('finance', t.assigneeId);
    const asked = await post(`${t.id}/request-info`, staff, { question: '请补充融资规模与期限' });
    // Each caller is offered what they may do: the desk waits, the zone answers (or withdraws).
    expect(asked.body).toMatchObject({ status: 'needs_info', sla: { stage: null }, allowedActions: ['reject', 'assign'] });
    expect((await ctx.request('GET', `/api/v1/tickets/${t.id}`, { token: manager })).body.allowedActions).toEqual(['provide-info', 'cancel']);
    clock.advance(24 * HOUR);
    const answered = await post(`${t.id}/provide-info`, manager, { answer: '融资规模约 5000 万元，期限 3 年' });
    expect(answered.status).toBe(200);
    // Restarted on Tuesday: 2 working days → Thursday 19 Nov 24:00 Shanghai.
    expect(answered.body).toMatchObject({ status: 'routed', sla: { stage: 'triage', dueAt: '2026-11-19T16:00:00.000Z' } });
    const entries = (await ctx.request('GET', `/api/v1/tickets/${t.id}`, { token: manager })).body.history;
    expect(entries.map((h: { type: string }) => h.type)).toEqual(['ticket.submitted', 'ticket.routed', 'ticket.info_requested', 'ticket.info_provided']);
    expect(entries[2].data.question).toBe('请补充融资规模与期限');
    expect(entries[3].data.answer).toBe('融资规模约 5000 万元，期限 3 年');
  });

  it('return → a coordinator reroutes to another type → routing runs again to the new desk', async () => {
    const t = await routedTicket('finance');
    const staff = tokenOf('finance', t.assigneeId);
    const returned = await post(`${t.id}/return`, staff, { reason: '属于培训需求', suggestedType: 'training' });
    expect(returned.body).toMatchObject({ status: 'returned', assigneeId: null, allowedActions: ['reject'] });
    expect((await ctx.request('GET', `/api/v1/tickets/${t.id}`, { token: coordinator })).body.allowedActions).toEqual(['reject', 'reroute', 'cancel']);
    expect((await post(`${t.id}/reroute`, staff, { type: 'training', reason: '改派' })).status).toBe(403);
    const rerouted = await post(`${t.id}/reroute`, coordinator, { type: 'training', reason: '改派培训服务台' });
    expect(rerouted.body).toMatchObject({ status: 'submitted', type: 'training' });
    const routed = await ctx.waitFor(async () => {
      const r = await ctx.request('GET', `/api/v1/tickets/${t.id}`, { token: coordinator });
      return r.body.status === 'routed' ? r.body : null;
    }, 10_000, 'rerouted ticket routed');
    expect(routed.desk).toBe('training');
    expect(desk.get('training')!.map((m) => m.id)).toContain(routed.assigneeId);
    expect(await history(t.id)).toEqual(['ticket.submitted', 'ticket.routed', 'ticket.returned', 'ticket.rerouted', 'ticket.submitted', 'ticket.routed']);
    // The finance desk no longer sees it; the training desk does.
    expect((await ctx.request('GET', `/api/v1/tickets/${t.id}`, { token: staff })).status).toBe(404);
    expect((await ctx.request('GET', `/api/v1/tickets/${t.id}`, { token: tokenOf('training', routed.assigneeId) })).status).toBe(200);
  });

  it('assign moves the ticket to another member of the desk, and the workload counters follow', async () => {
    const t = await routedTicket();
    const other = desk.get('finance')!.find((m) => m.id !== t.assigneeId)!;
    const res = await post(`${t.id}/assign`, tokenOf('finance', t.assigneeId), { assigneeId: other.id });
    expect(res.body).toMatchObject({ status: 'routed', assigneeId: other.id });
    const stranger = desk.get('training')![0];
    const refused = await post(`${t.id}/assign`, coordinator, { assigneeId: stranger.id });
    expect(refused.status).toBe(400);
    expect(refused.body.details[0]).toMatchObject({ field: 'assigneeId', rule: 'deskMember' });
    const drift = await ctx.sql(`
      SELECT w.user_id, w.open_tickets, count(t.id)::int AS actual
        FROM staff_workload w LEFT JOIN ticket t ON t.assignee_id = w.user_id AND t.status NOT IN ('completed', 'closed', 'rejected', 'cancelled')
       GROUP BY w.user_id, w.open_tickets HAVING w.open_tickets <> count(t.id)`);
    expect(drift).toEqual([]);
  });

  it('reject needs a reason; a rejected ticket is final and leaves the workload', async () => {
    const t = await routedTicket();
    const staff = tokenOf('finance', t.assigneeId);
    const blank = await post(`${t.id}/reject`, staff, { reason: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.details[0].field).toBe('reason');
    const res = await post(`${t.id}/reject`, staff, { reason: '不属于进园区服务范围' });
    expect(res.body).toMatchObject({ status: 'rejected', allowedActions: [] });
    const again = await post(`${t.id}/accept`, staff);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'TICKET_INVALID_TRANSITION', status: 'rejected', allowedActions: [] });
  });

  it('the zone cancels before a match; not after completion', async () => {
    const t = await routedTicket();
    const res = await post(`${t.id}/cancel`, manager, { reason: '需求已自行解决' });
    expect(res.body.status).toBe('cancelled');
    expect((await post(`${t.id}/cancel`, manager, { reason: '再次取消' })).status).toBe(409);
  });

  it('two concurrent accepts: one 200, one 409 with the current status; one event', async () => {
    const t = await routedTicket();
    const [a, b] = desk.get('finance')!;
    const results = await Promise.all([post(`${t.id}/accept`, a.token), post(`${t.id}/accept`, b.token)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body).toMatchObject({ status: 'triaged', code: 'TICKET_INVALID_TRANSITION' });
    const events = await ctx.sql(`SELECT count(*)::int AS n FROM event WHERE aggregate_id = $1 AND name = 'ticket.accepted'`, [t.id]);
    expect(events[0].n).toBe(1);
  });

  it('SLA: a late triage is flagged and reminded (催办), then escalated a working day later (督办)', async () => {
    const t = await routedTicket();
    expect(t.sla).toMatchObject({ stage: 'triage', dueAt: '2026-11-18T16:00:00.000Z' });
    const timers = ctx.worker!.get(TimersProcessor);
    clock.set('2026-11-18T15:00:00Z'); // Wednesday 23:00: not yet late
    await timers.sweepOnce();
    expect((await ctx.request('GET', `/api/v1/tickets/${t.id}`, { token: coordinator })).body.sla.breachedAt).toBeNull();
    clock.set('2026-11-19T01:00:00Z'); // Thursday 09:00
    await timers.sweepOnce();
    await timers.sweepOnce(); // a second sweep changes nothing
    let ticket = (await ctx.request('GET', `/api/v1/tickets/${t.id}`, { token: coordinator })).body;
    expect(ticket.sla).toMatchObject({ breachedAt: '2026-11-19T01:00:00.000Z', escalatedAt: null, breaches: 1 });
    const breach = ticket.history.find((h: { type: string }) => h.type === 'ticket.sla_breached');
    expect(breach.data).toMatchObject({ stage: 'triage', assigneeId: t.assigneeId, desk: 'finance' });
    clock.set('2026-11-19T15:00:00Z'); // Thursday 23:00: the reminder's working day is not over
    await timers.sweepOnce();
    expect((await ctx.request('GET', `/api/v1/tickets/${t.id}`, { token: coordinator })).body.sla.escalatedAt).toBeNull();
    clock.set('2026-11-19T16:30:00Z'); // Friday 00:30
    await timers.sweepOnce();
    ticket = (await ctx.request('GET', `/api/v1/tickets/${t.id}`, { token: coordinator })).body;
    expect(ticket.sla.escalatedAt).toBe('2026-11-19T16:30:00.000Z');
    expect(ticket.history.filter((h: { type: string }) => h.type.startsWith('ticket.sla_')).map((h: { type: string }) => h.type)).toEqual([
      'ticket.sla_breached',
      'ticket.sla_escalated',
    ]);
    // Accepting ends the late stage; the breach stays on the record.
    const accepted = await post(`${t.id}/accept`, tokenOf('finance', t.assigneeId));
    expect(accepted.body.sla).toMatchObject({ stage: 'matching', breachedAt: null, escalatedAt: null, breaches: 1 });
  });

  it('a deadline in a year without calendar data is not guessed: unscheduled until the year is published', async () => {
    clock.set('2026-12-30T02:00:00Z'); // Wednesday 30 Dec: 2 working days reach into 2027
    const t = await routedTicket();
    expect(t.sla).toMatchObject({ stage: 'triage', dueAt: null });
    const unscheduled = (await ctx.request('GET', `/api/v1/tickets/${t.id}`, { token: coordinator })).body.history.find(
      (h: { type: string }) => h.type === 'ticket.sla_unscheduled',
    );
    expect(unscheduled.data).toMatchObject({ stage: 'triage', missingYear: 2027 });
    const published = await ctx.request('PUT', '/api/v1/calendar/2027', {
      token: coordinator,
      body: { days: [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }] },
    });
    expect(published.status).toBe(200);
    await ctx.worker!.get(TimersProcessor).sweepOnce();
    // Thu 31 Dec is day 1; Fri 1 Jan is a holiday; Mon 4 Jan is day 2.
    expect((await ctx.request('GET', `/api/v1/tickets/${t.id}`, { token: coordinator })).body.sla.dueAt).toBe('2027-01-04T16:00:00.000Z');
  });

  it('SLA targets per type: coordinators change them, new stages use them; others are refused', async () => {
    const staff = desk.get('training')![0].token;
    expect((await ctx.request('PUT', '/api/v1/sla-targets/training', { token: staff, body: { triageDays: 1, matchingDays: 5, serviceDays: 20 } })).status).toBe(403);
    for (const [path, body, field] of [
      ['/api/v1/sla-targets/space', { triageDays: 1, matchingDays: 5, serviceDays: 20 }, 'type'],
      ['/api/v1/sla-targets/training', { triageDays: 0, matchingDays: 5, serviceDays: 20 }, 'triageDays'],
      ['/api/v1/sla-targets/training', { triageDays: 1, matchingDays: 5 }, 'serviceDays'],
    ] as const) {
      const res = await ctx.request('PUT', path, { token: coordinator, body });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const updated = await ctx.request('PUT', '/api/v1/sla-targets/training', { token: coordinator, body: { triageDays: 1, matchingDays: 5, serviceDays: 20 } });
    expect(updated.body).toMatchObject({ type: 'training', triageDays: 1 });
    const listed = await ctx.request('GET', '/api/v1/sla-targets', { token: staff });
    expect(listed.body.items.find((t: { type: string }) => t.type === 'training').triageDays).toBe(1);
    // Routed on Monday with 1 working day (not 2): due Tuesday 24:00 Shanghai.
    expect((await routedTicket('training')).sla.dueAt).toBe('2026-11-17T16:00:00.000Z');
    await ctx.request('PUT', '/api/v1/sla-targets/training', { token: coordinator, body: { triageDays: 2, matchingDays: 5, serviceDays: 20 } });
  });

  it('bad input on actions names the field and writes nothing', async () => {
    const t = await routedTicket();
    const staff = tokenOf('finance', t.assigneeId);
    await settleQueues(ctx, ['notifications', 'mail']); // the assignee's email for the routing lands first
    const before = await ctx.rowCounts();
    const cases: [string, unknown, string][] = [
      ['accept', { dueAt: '2026-01-01T00:00:00Z' }, 'dueAt'],
      ['accept', { dueAt: 'tomorrow' }, 'dueAt'],
      ['accept', { dueAt: '2026-12-31T18:00:00' }, 'dueAt'], // a time without its offset
      ['accept', { dueAt: '2026-W53' }, 'dueAt'],
      ['accept', { dueAt: '2026-02-30' }, 'dueAt'],
      ['accept', { priority: 'asap' }, 'priority'],
      ['accept', { priority: null }, 'priority'],
      ['reject', {}, 'reason'],
      ['reject', { reason: 'x'.repeat(501) }, 'reason'],
      ['request-info', { question: 'a\u0000b' }, 'question'],
      ['return', { reason: '分错', suggestedType: 'space' }, 'suggestedType'],
      ['assign', { assigneeId: 'nobody' }, 'assigneeId'],
      ['accept', { status: 'closed' }, 'status'],
    ];
    for (const [action, body, field] of cases) {
      const res = await post(`${t.id}/${action}`, staff, body);
      expect({ action, status: res.status }).toEqual({ action, status: 400 });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect(await ctx.rowCounts()).toEqual(before);
    expect((await ctx.request('GET', `/api/v1/tickets/${t.id}`, { token: staff })).body.version).toBe(t.version);
  });
});
