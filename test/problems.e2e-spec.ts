import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { User } from '@enterpark/identity';
import { RunningTestClock, TestContext, TestSmtpServer } from '@enterpark/testing';

const FINANCE = [
  ['合肥经开区', '园区中小企业融资难，银行贷款审批慢', '园区内科技型中小企业普遍反映融资难、融资贵，银行贷款审批周期长，缺少抵押物。', ['融资难', '贷款']],
  ['芜湖经开区', '中小企业融资难、贷款难问题突出', '园区中小企业缺少抵押物，银行贷款难，希望对接园区贷等融资产品。', ['融资难', '园区贷']],
  ['铜陵经开区', '企业融资难，希望对接银行贷款产品', '园区企业融资渠道单一，贷款难、融资贵，希望对接银行信贷产品。', ['融资难']],
  ['合肥经开区', '科技企业贷款难，缺少抵押担保', '科技型中小企业缺少抵押物，银行贷款审批难，融资难问题突出。', ['贷款', '融资难']],
] as const;

/**
 * 一类问题归集 through the API with the worker running: suggestions across zones, grouping,
 * linking and unlinking (ticket events), resolving (an event with the resolution on each ticket,
 * one email per manager of each linked zone, also when the events are redelivered), and
 * tenancy from the wrong side.
 */
describe('problems (一类问题归集)', () => {
  let smtp: TestSmtpServer;
  let ctx: TestContext;
  let coordinator: string;
  const zones = new Map<string, string>();
  const managers = new Map<string, { user: User; token: string }[]>();
  const tickets: { id: string; zone: string; title: string }[] = [];
  let otherTicket: { id: string; zone: string; title: string };
  let problemId: string;

  const post = (path: string, token: string, body: unknown = {}) => ctx.request('POST', `/api/v1${path}`, { token, body });
  const get = (path: string, token = coordinator) => ctx.request('GET', `/api/v1${path}`, { token });

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    ctx = await TestContext.create({ clock: new RunningTestClock(), env: { SMTP_URL: smtp.url, MAIL_BACKOFF_MS: '50' } });
    coordinator = await ctx.coordinatorToken();
    for (const name of ['合肥经开区', '芜湖经开区', '铜陵经开区', '宁国经开区']) {
      const id = (await ctx.newZone({ name })).id;
      zones.set(name, id);
      const count = name === '合肥经开区' ? 2 : 1;
      managers.set(name, []);
      for (let i = 0; i < count; i++) managers.get(name)!.push(await ctx.newUser('zone_manager', { zoneId: id }));
    }
    for (const [zone, title, description, tags] of FINANCE) {
      const res = await post('/demand-lists', coordinator, { title: `${zone}需求清单`, zoneId: zones.get(zone), items: [{ type: 'finance', title, description, tags: [...tags] }] });
      expect(res.status).toBe(201);
      tickets.push({ id: res.body.tickets[0].id, zone, title });
    }
    const other = await post('/demand-lists', coordinator, {
      title: '宁国经开区需求清单',
      zoneId: zones.get('宁国经开区'),
      items: [{ type: 'media', title: '拍摄园区招商宣传片', description: '制作一部园区招商引资宣传短片，用于进博会展示。' }],
    });
    otherTicket = { id: other.body.tickets[0].id, zone: '宁国经开区', title: '拍摄园区招商宣传片' };
    await ctx.waitFor(async () => (await ctx.sql(`SELECT count(*)::int AS n FROM ticket WHERE desk IS NULL`))[0].n === 0, 20_000, 'every ticket routed');
  }, 120_000);

  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
  });

  it('suggests a cluster of open similar tickets from at least two zones', async () => {
    const res = await get('/problems/suggestions');
    expect(res.status).toBe(200);
    const cluster = res.body.items.find((s: { tickets: { ticketId: string }[] }) => s.tickets.some((t) => t.ticketId === tickets[0].id));
    expect(cluster).toBeDefined();
    expect(cluster.zoneCount).toBeGreaterThanOrEqual(2);
    const ids = cluster.tickets.map((t: { ticketId: string }) => t.ticketId);
    expect(ids).toEqual(expect.arrayContaining([tickets[0].id, tickets[1].id]));
    expect(ids).not.toContain(otherTicket.id);
    // A ticket appears in one suggestion at most.
    const all = res.body.items.flatMap((s: { tickets: { ticketId: string }[] }) => s.tickets.map((t) => t.ticketId));
    expect(new Set(all).size).toBe(all.length);
  });

  it('groups tickets into a problem, counted by zone and type; each ticket gets a linked event', async () => {
    const res = await post('/problems', coordinator, { title: '园区中小企业融资难', description: '多个园区反映的同类问题', ticketIds: [tickets[0].id, tickets[1].id, tickets[3].id] });
    expect(res.status).toBe(201);
    problemId = res.body.id;
    expect(res.body).toMatchObject({ title: '园区中小企业融资难', status: 'open', resolution: null, ticketCount: 3, byType: [{ type: 'finance', count: 3 }] });
    expect(res.body.byZone).toEqual([
      { zoneId: zones.get('合肥经开区'), zoneName: '合肥经开区', count: 2 },
      { zoneId: zones.get('芜湖经开区'), zoneName: '芜湖经开区', count: 1 },
    ]);
    expect(res.body.tickets.map((t: { ticketId: string }) => t.ticketId).sort()).toEqual([tickets[0].id, tickets[1].id, tickets[3].id].sort());
    const history = (await get(`/tickets/${tickets[1].id}`)).body.history;
    expect(history).toContainEqual(expect.objectContaining({ type: 'ticket.problem_linked', data: expect.objectContaining({ problemId, problemTitle: '园区中小企业融资难' }) }));

    const list = await get('/problems?limit=10');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ items: [{ id: problemId, ticketCount: 3 }], nextCursor: null });
    // Grouped tickets are no longer suggested.
    const suggested = (await get('/problems/suggestions')).body.items.flatMap((s: { tickets: { ticketId: string }[] }) => s.tickets.map((t) => t.ticketId));
    expect(suggested).not.toContain(tickets[0].id);
  });

  it('adds and removes tickets, with events; a ticket is in one problem only', async () => {
    const added = await post(`/problems/${problemId}/tickets`, coordinator, { ticketIds: [tickets[2].id] });
    expect(added.status).toBe(200);
    expect(added.body.ticketCount).toBe(4);
    const removed = await ctx.request('DELETE', `/api/v1/problems/${problemId}/tickets/${tickets[2].id}`, { token: coordinator });
    expect(removed.status).toBe(200);
    expect(removed.body.ticketCount).toBe(3);
    expect((await get(`/tickets/${tickets[2].id}`)).body.history.map((h: { type: string }) => h.type)).toEqual(expect.arrayContaining(['ticket.problem_linked', 'ticket.problem_unlinked']));
    expect((await ctx.request('DELETE', `/api/v1/problems/${problemId}/tickets/${tickets[2].id}`, { token: coordinator })).status).toBe(404);

    const second = await post('/problems', coordinator, { title: '另一个问题', ticketIds: [tickets[0].id] });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'PROBLEM_TICKET_TAKEN' });
  });

  describe('bad input names the field', () => {
    it.each([
      ['no title', { ticketIds: ['00000000-0000-4000-8000-000000000001'] }, 'title', 'isString'],
      ['blank title', { title: '   ', ticketIds: ['00000000-0000-4000-8000-000000000001'] }, 'title', 'isNotBlank'],
      ['no tickets', { title: '问题', ticketIds: [] }, 'ticketIds', 'arrayMinSize'],
      ['101 tickets', { title: '问题', ticketIds: Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`) }, 'ticketIds', 'arrayMaxSize'],
      ['not an id', { title: '问题', ticketIds: ['abc'] }, 'ticketIds', 'isUuid'],
      ['unknown ticket', { title: '问题', ticketIds: ['00000000-0000-4000-8000-000000000001'] }, 'ticketIds', 'exists'],
    ])('%s → 400', async (_name: string, body: object, field: string, rule: string) => {
      const before = (await ctx.sql(`SELECT count(*)::int AS n FROM problem`))[0].n;
      const res = await post('/problems', coordinator, body);
      expect(res.status).toBe(400);
      expect(res.body.details).toContainEqual(expect.objectContaining({ field, rule }));
      expect((await ctx.sql(`SELECT count(*)::int AS n FROM problem`))[0].n).toBe(before);
    });

    it('a resolution is required', async () => {
      const res = await post(`/problems/${problemId}/resolve`, coordinator, { resolution: '' });
      expect(res.status).toBe(400);
      expect(res.body.details).toContainEqual(expect.objectContaining({ field: 'resolution' }));
    });
  });

  describe('tenancy, from the wrong side', () => {
    it('a zone manager sees the problem, its title and only their own tickets; never another zone’s ids or titles', async () => {
      const { token } = managers.get('芜湖经开区')![0];
      const res = await get(`/problems/${problemId}`, token);
      expect(res.status).toBe(200);
      expect(res.body.tickets.map((t: { ticketId: string }) => t.ticketId)).toEqual([tickets[1].id]);
      expect(res.body.ticketCount).toBe(1);
      expect(res.body.byZone).toEqual([{ zoneId: zones.get('芜湖经开区'), zoneName: '芜湖经开区', count: 1 }]);
      const text = JSON.stringify([res.body, (await get('/problems', token)).body, (await get(`/tickets/${tickets[1].id}/problem`, token)).body]);
      for (const t of [tickets[0], tickets[3]]) {
        expect(text).not.toContain(t.id);
        expect(text).not.toContain(t.title);
      }
      expect(text).not.toContain('合肥经开区');
    });

    it('a zone manager of a zone with no ticket in it gets 404 and an empty list; a zone manager cannot write or ask for suggestions', async () => {
      const { token } = managers.get('宁国经开区')![0];
      expect((await get(`/problems/${problemId}`, token)).status).toBe(404);
      expect((await get('/problems', token)).body.items).toEqual([]);
      expect((await get(`/tickets/${tickets[0].id}/problem`, token)).status).toBe(404);
      expect((await get('/problems/suggestions', token)).status).toBe(403);
      expect((await post(`/problems/${problemId}/resolve`, token, { resolution: '已解决' })).status).toBe(403);
    });

    it('desk staff see problems with tickets of their desk, not others; they cannot write', async () => {
      const finance = (await ctx.newUser('desk_staff', { desks: ['finance'] })).token;
      const media = (await ctx.newUser('desk_staff', { desks: ['media'] })).token;
      expect((await get(`/problems/${problemId}`, finance)).status).toBe(200);
      expect((await get(`/problems/${problemId}`, media)).status).toBe(404);
      expect((await get('/problems', media)).body.items).toEqual([]);
      expect((await post(`/problems/${problemId}/tickets`, finance, { ticketIds: [tickets[2].id] })).status).toBe(403);
      expect((await post('/problems', finance, { title: '问题', ticketIds: [tickets[2].id] })).status).toBe(403);
    });

    it('a viewer reads everything and changes nothing', async () => {
      const viewer = (await ctx.newUser('viewer')).token;
      expect((await get(`/problems/${problemId}`, viewer)).body.tickets).toHaveLength(3);
      expect((await get('/problems/suggestions', viewer)).status).toBe(200);
      expect((await post(`/problems/${problemId}/resolve`, viewer, { resolution: '已解决' })).status).toBe(403);
      expect((await ctx.request('DELETE', `/api/v1/problems/${problemId}/tickets/${tickets[0].id}`, { token: viewer })).status).toBe(403);
    });

    it('unknown and malformed ids answer 404', async () => {
      expect((await get('/problems/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await get('/problems/nope')).status).toBe(404);
    });
  });

  it('resolving writes the resolution on every linked ticket and mails each linked zone’s managers once, also under redelivery', async () => {
    const resolution = '省商务厅联合合作银行推出"园区贷"专项产品，园区企业可凭园区推荐函申请。';
    const res = await post(`/problems/${problemId}/resolve`, coordinator, { resolution });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'resolved', resolution });
    for (const t of [tickets[0], tickets[1], tickets[3]]) {
      const history = (await get(`/tickets/${t.id}`)).body.history;
      expect(history.filter((h: { type: string }) => h.type === 'ticket.problem_resolved')).toEqual([expect.objectContaining({ data: expect.objectContaining({ resolution, problemId }) })]);
    }
    expect((await get(`/tickets/${tickets[0].id}/problem`)).body.problem).toMatchObject({ id: problemId, status: 'resolved', resolution });

    const recipients = [...managers.get('合肥经开区')!, ...managers.get('芜湖经开区')!].map((m) => m.user.email).sort();
    const sent = () => ctx.sql(`SELECT to_address, status, message_id FROM mail_message WHERE kind = 'problem_resolved' ORDER BY to_address`);
    const rows = await ctx.waitFor(async () => {
      const found = await sent();
      return found.length === recipients.length && found.every((r) => r.status === 'sent') ? found : null;
    }, 20_000, 'problem mails sent');
    expect(rows.map((r) => r.to_address)).toEqual(recipients);
    const mails = await ctx.waitFor(async () => {
      const got = smtp.received.filter((m) => rows.some((r) => r.message_id === m.header('message-id')));
      return got.length === recipients.length ? got : null;
    }, 10_000, 'SMTP delivery');
    const hefei = mails.find((m) => m.envelopeTo.includes(managers.get('合肥经开区')![0].user.email))!;
    expect(hefei.parsed.subject).toBe('【进园区服务】一类问题已办结：园区中小企业融资难');
    expect(hefei.parsed.text).toContain(resolution);
    expect(hefei.parsed.text).toContain(tickets[3].title);
    expect(hefei.parsed.text).not.toContain(tickets[1].title);

    // Every resolution event delivered again: nothing new is stored or sent.
    const events = await ctx.sql(`SELECT * FROM event WHERE name = 'ticket.problem_resolved'`);
    expect(events).toHaveLength(3);
    const notifications = ctx.worker!.get<Queue>(getQueueToken('notifications'), { strict: false });
    for (const e of events) {
      const event = { id: e.id, name: e.name, aggregateType: e.aggregate_type, aggregateId: e.aggregate_id, zoneId: e.zone_id, actorId: e.actor_id, payload: e.payload, occurredAt: new Date(e.occurred_at).toISOString() };
      await notifications.add(event.name, event, { jobId: `${event.id}-again` });
    }
    await ctx.waitFor(async () => (await notifications.getJobCounts('waiting', 'active', 'delayed')).waiting === 0 && (await notifications.getJobCounts('active')).active === 0, 10_000, 'redelivered');
    await new Promise((r) => setTimeout(r, 500));
    expect(await sent()).toHaveLength(recipients.length);
    expect(smtp.received.filter((m) => rows.some((r) => r.message_id === m.header('message-id')))).toHaveLength(recipients.length);
    expect((await notifications.getJobCounts('failed')).failed).toBe(0);

    // The desk completes its ticket with the resolution as the outcome (what the console's 以归集办理结果办结 sends).
    const desk = (await ctx.newUser('desk_staff', { desks: ['finance'] })).token;
    const provider = await post('/providers', coordinator, { name: '徽商银行', kind: 'bank', serviceTypes: ['finance'], capacity: 10, email: 'loan@bank.example.cn' });
    expect((await post(`/tickets/${tickets[1].id}/accept`, desk, { priority: 'normal' })).status).toBe(200);
    expect((await post(`/tickets/${tickets[1].id}/match`, desk, { providerId: provider.body.id })).status).toBe(200);
    expect((await post(`/tickets/${tickets[1].id}/activities`, desk, { date: '2026-11-20', kind: 'financing_session', notes: '银企对接会' })).status).toBe(200);
    const offered = (await get(`/tickets/${tickets[1].id}/problem`, desk)).body.problem.resolution;
    const completed = await post(`/tickets/${tickets[1].id}/complete`, desk, { outcome: offered });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'completed', outcome: resolution });

    const again = await post(`/problems/${problemId}/resolve`, coordinator, { resolution: '再次办结' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'PROBLEM_ALREADY_RESOLVED' });
    expect((await post(`/problems/${problemId}/tickets`, coordinator, { ticketIds: [tickets[2].id] })).status).toBe(409);
  });
});
