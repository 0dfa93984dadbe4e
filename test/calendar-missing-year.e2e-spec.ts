import { RunningTestClock, TestContext } from '@enterpark/testing';

/**
 * Late December with next year's holidays not yet published (the package's 2027 data, if it
 * has any, is set aside): deadlines that reach 2027 wait, coordinators are told once, the
 * status says what waits, and a publication gives the waiting tickets their deadlines at once.
 */
describe('a year without a working-day calendar', () => {
  let ctx: TestContext;
  let coordinator: string;
  let manager: string;
  let staff: string;
  let adminId: string;

  beforeAll(async () => {
    // Sunday 20 December 2026, 10:00 Shanghai. A long sweep interval: only a publication wakes it.
    ctx = await TestContext.create({
      clock: new RunningTestClock(new Date('2026-12-20T02:00:00Z')),
      env: { CALENDAR_IGNORE_PACKAGE_YEARS: '2027', TIMER_SWEEP_MS: '3600000' },
    });
    const zoneId = (await ctx.newZone({ name: '芜湖经开区', city: '芜湖市' })).id;
    manager = (await ctx.newUser('zone_manager', { zoneId })).token;
    staff = (await ctx.newUser('desk_staff', { desks: ['finance'] })).token;
    coordinator = await ctx.coordinatorToken();
    [{ id: adminId }] = await ctx.sql(`SELECT id FROM app_user WHERE email = $1`, [ctx.config.bootstrapAdminEmail]);
    const provider = await post('/providers', coordinator, { name: '徽商银行芜湖分行', kind: 'bank', serviceTypes: ['finance'], capacity: 10, cities: ['芜湖市'], email: 'wuhu@bank.example.cn' });
    expect(provider.status).toBe(201);
  });
  afterAll(() => ctx.close());

  const get = (path: string, token = coordinator) => ctx.request('GET', `/api/v1${path}`, { token });
  const post = (path: string, token: string, body: unknown = {}) => ctx.request('POST', `/api/v1${path}`, { token, body });
  const historyOf = async (id: string) => (await get(`/tickets/${id}`)).body.history.map((h: { type: string }) => h.type);

  async function waitStatus(id: string, status: string) {
    return ctx.waitFor(async () => ((await get(`/tickets/${id}`)).body.status === status ? true : null), 10_000, `ticket ${status}`);
  }

  /** Files finance tickets and takes each to `in_service`; their service deadlines (20 working days) reach 2027. */
  async function inService(titles: string[]): Promise<string[]> {
    const filed = await post('/demand-lists', manager, { title: '2026年12月需求清单', items: titles.map((title) => ({ type: 'finance', title })) });
    expect(filed.status).toBe(201);
    const ids: string[] = filed.body.tickets.map((t: { id: string }) => t.id);
    for (const id of ids) {
      await waitStatus(id, 'routed');
      expect((await post(`/tickets/${id}/accept`, staff)).status).toBe(200);
      const proposal = await ctx.waitFor(async () => (await get(`/tickets/${id}/matches`, staff)).body.items?.find((m: { status: string }) => m.status === 'proposed'), 10_000, 'a proposal');
      expect((await post(`/matches/${proposal.id}/accept`, staff)).status).toBe(200);
      const visited = await post(`/tickets/${id}/activities`, staff, { date: '2026-12-18', kind: 'visit', notes: '走访园区企业' });
      expect(visited.body.status).toBe('in_service');
    }
    return ids;
  }

  it('warns coordinators ahead from 1 November, before any deadline waits', async () => {
    const status = await get('/calendar/status', staff);
    expect(status.status).toBe(200);
    expect(status.body).toEqual({
      today: '2026-12-20',
      years: [
        { year: 2026, source: 'official' },
        { year: 2027, source: 'missing', ticketsWaiting: 0 },
      ],
      nextYearDue: true,
    });
    const digest = await get(`/digests/preview?userId=${adminId}&week=2026-W50`);
    expect(digest.status).toBe(200);
    expect(digest.body).toContain('【请发布日历】');
    expect(digest.body).toContain('2027 年工作日安排尚未发布');
  });

  it('keeps the status from zone managers', async () => {
    expect((await get('/calendar/status', manager)).status).toBe(403);
  });

  it('says a missing year once per ticket and stage, and mails coordinators once for all tickets', async () => {
    const ids = await inService(['对接园区贷', '产业基金路演']);
    for (const id of ids) {
      expect(await historyOf(id)).toEqual([
        'ticket.submitted',
        'ticket.routed',
        'ticket.accepted',
        'ticket.match_proposed',
        'ticket.matched',
        'ticket.sla_unscheduled',
        'ticket.activity_recorded',
      ]);
      const ticket = (await get(`/tickets/${id}`)).body;
      expect(ticket.sla).toMatchObject({ stage: 'service', dueAt: null });
      expect(ticket.history.find((h: { type: string }) => h.type === 'ticket.sla_unscheduled').data).toMatchObject({ stage: 'service', missingYear: 2027 });
    }
    await ctx.waitFor(async () => {
      const [row] = await ctx.sql(`SELECT count(*)::int AS n FROM notification_receipt r JOIN event e ON e.id = r.event_id WHERE e.name = 'ticket.sla_unscheduled'`);
      return row.n === 2;
    }, 10_000, 'both announcements handled');
    const mails = await ctx.sql(`SELECT to_address, subject, text_body FROM mail_message WHERE kind = 'calendar_missing'`);
    expect(mails).toHaveLength(1);
    expect(mails[0].to_address).toBe(ctx.config.bootstrapAdminEmail);
    expect(mails[0].subject).toContain('2027 年工作日安排尚未发布');
    expect(mails[0].text_body).toContain('POST /api/v1/calendar/2027/notice');

    const status = await get('/calendar/status');
    expect(status.body.years[1]).toEqual({ year: 2027, source: 'missing', ticketsWaiting: 2 });
    const digest = await get(`/digests/preview?userId=${adminId}&week=2026-W50`);
    expect(digest.body).toContain('2 张工单的办理时限因此无法计算');
  });

  it('gives the waiting tickets their deadlines as soon as the year is published', async () => {
    const waiting: { id: string }[] = await ctx.sql(`SELECT id FROM ticket WHERE sla_stage IS NOT NULL AND sla_due_at IS NULL`);
    expect(waiting).toHaveLength(2);
    const published = await ctx.request('PUT', '/api/v1/calendar/2027', { token: coordinator, body: { days: [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }] } });
    expect(published.status).toBe(200);
    // The scheduled sweep is an hour away: the publication itself wakes it.
    await ctx.waitFor(async () => {
      const [row] = await ctx.sql(`SELECT count(*)::int AS n FROM ticket WHERE sla_stage IS NOT NULL AND sla_due_at IS NULL`);
      return row.n === 0;
    }, 10_000, 'the waiting tickets scheduled');
    // Service started Sunday 20 Dec: 21–31 Dec give 9 working days, 1 Jan is a holiday, then 11 more: Monday 18 January.
    for (const { id } of waiting) expect((await get(`/tickets/${id}`)).body.sla.dueAt).toBe('2027-01-18T16:00:00.000Z');
    expect((await get('/calendar/status')).body).toMatchObject({ years: [{ year: 2026, source: 'official' }, { year: 2027, source: 'published' }], nextYearDue: false });
    expect((await get(`/digests/preview?userId=${adminId}&week=2026-W50`)).body).not.toContain('【请发布日历】');
  });
});
