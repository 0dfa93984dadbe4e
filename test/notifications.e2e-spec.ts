import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DomainEvent, EventName } from '@enterpark/events';
import { User } from '@enterpark/identity';
import { UnsubscribeLinks } from '@enterpark/mail';
import { formatShanghai, SendNotificationsService } from '@enterpark/notifications';
import { ReceivedMail, TEST_ADMIN, TestClock, TestContext, TestSmtpServer } from '@enterpark/testing';
import { TimersProcessor } from '../apps/worker/src/timers/timers.processor';

// Monday 2026-11-16 10:00 in Shanghai.
const MONDAY = new Date('2026-11-16T02:00:00Z');
const PROVIDER_EMAIL = 'loans@hsbank.example.cn';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const CONSOLE = 'https://ep.example.cn';

/** The links of an HTML part as a browser reads them (Handlebars writes `=` as an entity). */
function hrefsOf(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1].replace(/&#x3D;/g, '=').replace(/&amp;/g, '&'));
}

/**
 * Notification emails over the real pipeline: HTTP → events → notifications worker →
 * stored messages → mail worker → a real SMTP server. Each message is matched to its
 * stored row by Message-ID, so "who got it" is exact, and digests or other events'
 * messages sent meanwhile cannot blur it.
 */
describe('notification emails: each exactly once per event, to the people who must act', () => {
  let smtp: TestSmtpServer;
  let clock: TestClock;
  let ctx: TestContext;
  let coordinator: string;
  let zoneId: string;
  const managers: User[] = [];
  let otherZoneManager: User;
  let managerToken: string;
  const finance: { user: User; token: string }[] = [];
  const training: User[] = [];
  const coordinators: User[] = [];

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    clock = new TestClock(MONDAY);
    // Sweeps run by hand after moving the clock; the periodic one would race them (SKIP LOCKED).
    ctx = await TestContext.create({ clock, env: { TIMER_SWEEP_MS: '3600000', SMTP_URL: smtp.url, MAIL_BACKOFF_MS: '50', CONSOLE_BASE_URL: `${CONSOLE}/` } });
    coordinator = await ctx.coordinatorToken();
    zoneId = (await ctx.newZone({ name: '合肥经开区', city: '合肥市' })).id;
    for (const name of ['李华', '赵磊']) {
      const created = await ctx.newUser('zone_manager', { zoneId, name });
      managers.push(created.user);
      managerToken ??= created.token;
    }
    otherZoneManager = (await ctx.newUser('zone_manager', { zoneId: (await ctx.newZone({ name: '芜湖经开区', city: '芜湖市' })).id })).user;
    for (const name of ['王敏', '陈静']) finance.push(await ctx.newUser('desk_staff', { desks: ['finance'], name }));
    for (const name of ['刘洋', '孙丽']) training.push((await ctx.newUser('desk_staff', { desks: ['training'], name })).user);
    const [admin] = await ctx.sql(`SELECT id, email, name FROM app_user WHERE email = $1`, [TEST_ADMIN.email]);
    coordinators.push(admin, (await ctx.newUser('coordinator', { name: '张处长' })).user);
    const provider = await ctx.request('POST', '/api/v1/providers', {
      token: coordinator,
      body: { name: '徽商银行合肥分行', kind: 'bank', serviceTypes: ['finance'], capacity: 20, cities: ['合肥市'], tags: ['园区贷'], email: PROVIDER_EMAIL },
    });
    expect(provider.status).toBe(201);
    // The training desk picks tickets up itself: its tickets stay unassigned.
    await ctx.sql(`UPDATE routing_rule SET assignment = 'desk_only' WHERE type = 'training'`);
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });
  beforeEach(() => clock.set(MONDAY));

  const get = (path: string, token = coordinator) => ctx.request('GET', `/api/v1${path}`, { token });
  const post = (path: string, token: string, body: unknown = {}) => ctx.request('POST', `/api/v1${path}`, { token, body });
  const tokenOf = (userId: string) => finance.find((m) => m.user.id === userId)!.token;
  const sorted = (addresses: string[]) => [...addresses].sort();

  async function waitStatus(id: string, status: string) {
    return ctx.waitFor(async () => {
      const t = await get(`/tickets/${id}`);
      return t.body.status === status ? t.body : null;
    }, 10_000, `ticket ${status}`);
  }

  /** Files a one-item list for the zone; returns the routed ticket. */
  async function routedTicket(item: { type: string; title: string; description?: string; tags?: string[] }, listTitle = '2026 年第四季度需求清单') {
    const filed = await post('/demand-lists', managerToken, { title: listTitle, items: [item] });
    expect(filed.status).toBe(201);
    return { ...(await waitStatus(filed.body.tickets[0].id, 'routed')), listId: filed.body.id as string };
  }

  async function eventOf<N extends EventName>(name: N, aggregateId: string): Promise<DomainEvent<N>> {
    const row = await ctx.waitFor(async () => {
      const [e] = await ctx.sql(`SELECT * FROM event WHERE name = $1 AND aggregate_id = $2 ORDER BY seq DESC LIMIT 1`, [name, aggregateId]);
      return e;
    }, 10_000, name);
    const { id, aggregate_type, aggregate_id, zone_id, actor_id, payload, occurred_at } = row;
    return { id, name, aggregateType: aggregate_type, aggregateId: aggregate_id, zoneId: zone_id, actorId: actor_id, payload, occurredAt: new Date(occurred_at).toISOString() };
  }

  /** The event's stored messages once all are sent, and what the SMTP server received for them. */
  async function delivered(event: DomainEvent) {
    const rows = await ctx.waitFor(async () => {
      const found = await ctx.sql(`SELECT id, to_address, recipient_user_id, status, message_id FROM mail_message WHERE dedupe_key LIKE $1 ORDER BY to_address`, [
        `${event.name}:${event.id}:%`,
      ]);
      return found.length && found.every((r) => r.status === 'sent') ? found : null;
    }, 15_000, `messages of ${event.name} sent`);
    const ids = new Set(rows.map((r) => r.message_id));
    const mails = await ctx.waitFor(async () => {
      const got = smtp.received.filter((m) => ids.has(m.header('message-id') ?? ''));
      return got.length >= rows.length ? got : null;
    }, 10_000, 'SMTP delivery');
    return { rows, mails };
  }

  const envelopes = (mails: ReceivedMail[]) => sorted(mails.flatMap((m) => m.envelopeTo));

  it('the provider gets its proposal and answers through the link page: GET shows, POST accepts once', async () => {
    const t = await routedTicket({ type: 'finance', title: '对接园区贷融资渠道', description: '园区内 30 家中小企业有融资需求，期限 3 年', tags: ['园区贷', '融资'] });
    expect((await post(`/tickets/${t.id}/accept`, tokenOf(t.assigneeId))).status).toBe(200);
    const { rows, mails } = await delivered(await eventOf('ticket.match_proposed', t.id));
    expect(envelopes(mails)).toEqual([PROVIDER_EMAIL]);
    expect(rows[0].recipient_user_id).toBeNull();
    const [mail] = mails;
    expect(mail.parsed.subject).toBe('【进园区服务】一对一服务推荐：对接园区贷融资渠道');
    const [match] = await ctx.sql(`SELECT id, expires_at FROM ticket_match WHERE ticket_id = $1 AND status = 'proposed'`, [t.id]);
    for (const part of [mail.parsed.text!, mail.parsed.html!]) {
      for (const expected of ['徽商银行合肥分行：您好！', '合肥经开区（合肥市）', '园区内 30 家中小企业有融资需求，期限 3 年', '园区贷、融资', formatShanghai(match.expires_at)]) {
        expect(part).toContain(expected);
      }
    }
    expect(mail.parsed.text).not.toContain('退订');

    const link = new URL(/查看并答复推荐：(\S+)/.exec(mail.parsed.text!)![1]);
    expect(link.pathname).toBe(`/api/v1/matches/${match.id}/respond`);
    const page = `${link.pathname}${link.search}`;
    // Mail scanners fetch links: showing the page twice changes nothing.
    for (let i = 0; i < 2; i++) {
      const shown = await ctx.request('GET', page);
      expect(shown.status).toBe(200);
      expect(shown.headers.get('content-type')).toContain('text/html');
      expect(shown.body).toContain('对接园区贷融资渠道');
      expect(shown.body).toContain('接受推荐');
    }
    expect((await ctx.sql(`SELECT status FROM ticket_match WHERE id = $1`, [match.id]))[0].status).toBe('proposed');

    const accepted = await ctx.request('POST', page, { rawBody: 'decision=accept', headers: FORM });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toContain('您已接受推荐');
    expect((await get(`/tickets/${t.id}`)).body).toMatchObject({ status: 'matched' });
    expect((await ctx.sql(`SELECT status, answered_via FROM ticket_match WHERE id = $1`, [match.id]))[0]).toEqual({ status: 'accepted', answered_via: 'link' });

    // The same link again: refused, as a page, whatever the method.
    for (const again of [await ctx.request('GET', page), await ctx.request('POST', page, { rawBody: 'decision=accept', headers: FORM })]) {
      expect(again.status).toBe(409);
      expect(again.body).toContain('该推荐已答复');
    }
    const tampered = await ctx.request('GET', page.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    expect(tampered.status).toBe(403);
    expect(tampered.body).toContain('答复链接无效');
    expect((await ctx.request('GET', link.pathname)).status).toBe(400);
    expect((await ctx.request('GET', `/api/v1/matches/not-a-uuid/respond${link.search}`)).status).toBe(404);
  });

  it('declining through the page needs a reason; an expired link is refused', async () => {
    const t = await routedTicket({ type: 'finance', title: '产业基金对接' });
    await post(`/tickets/${t.id}/accept`, tokenOf(t.assigneeId));
    const { mails } = await delivered(await eventOf('ticket.match_proposed', t.id));
    const link = new URL(/查看并答复推荐：(\S+)/.exec(mails[0].parsed.text!)![1]);
    const page = `${link.pathname}${link.search}`;

    const blank = await ctx.request('POST', page, { rawBody: 'decision=decline&reason=%20%20', headers: FORM });
    expect(blank.status).toBe(400);
    expect(blank.body).toContain('reason 不能为空白');
    expect((await ctx.sql(`SELECT count(*)::int AS n FROM ticket_match WHERE ticket_id = $1 AND status = 'declined'`, [t.id]))[0].n).toBe(0);
    const unknown = await ctx.request('POST', page, { rawBody: 'decision=maybe', headers: FORM });
    expect(unknown.status).toBe(400);

    const declined = await ctx.request('POST', page, { rawBody: `decision=decline&reason=${encodeURIComponent('本季度服务档期已满')}`, headers: FORM });
    expect(declined.status).toBe(200);
    expect(declined.body).toContain('您已婉拒推荐');
    const [row] = await ctx.sql(`SELECT status, decline_reason, answered_via FROM ticket_match WHERE id = $1`, [link.pathname.split('/')[4]]);
    expect(row).toEqual({ status: 'declined', decline_reason: '本季度服务档期已满', answered_via: 'link' });

    const late = await routedTicket({ type: 'finance', title: '园区贷产品推介' });
    await post(`/tickets/${late.id}/accept`, tokenOf(late.assigneeId));
    const expiring = await delivered(await eventOf('ticket.match_proposed', late.id));
    const lateLink = new URL(/查看并答复推荐：(\S+)/.exec(expiring.mails[0].parsed.text!)![1]);
    const [proposal] = await ctx.sql(`SELECT expires_at FROM ticket_match WHERE ticket_id = $1`, [late.id]);
    clock.set(new Date(proposal.expires_at.getTime() + 60_000));
    const expired = await ctx.request('GET', `${lateLink.pathname}${lateLink.search}`);
    expect(expired.status).toBe(409);
    expect(expired.body).toContain('推荐已过答复期限');
  });

  it('a question goes to every manager of the zone, with the ticket link and the unsubscribe footer; a redelivery sends nothing twice', async () => {
    const t = await routedTicket({ type: 'finance', title: '跨境融资咨询' });
    expect((await post(`/tickets/${t.id}/request-info`, tokenOf(t.assigneeId), { question: '请补充融资规模与期限' })).status).toBe(200);
    const event = await eventOf('ticket.info_requested', t.id);
    const { rows, mails } = await delivered(event);
    expect(envelopes(mails)).toEqual(sorted(managers.map((m) => m.email)));
    const links = ctx.api.get(UnsubscribeLinks);
    for (const mail of mails) {
      const manager = managers.find((m) => mail.envelopeTo.includes(m.email))!;
      expect(mail.parsed.subject).toBe('【进园区服务】需求待补充信息：跨境融资咨询');
      expect(mail.parsed.text).toContain(`${manager.name}：您好！`);
      expect(mail.parsed.text).toContain('请补充融资规模与期限');
      // Every link opens the console's page for it (the console signs the reader in first).
      expect(mail.parsed.text).toContain(`查看工单并答复：${CONSOLE}/tickets/${t.id}\n`);
      expect(mail.parsed.text).toContain(`退订通知邮件：${links.urlFor(manager.id, 'notification')}`);
      expect(mail.parsed.text).toContain(`管理邮件偏好：${CONSOLE}/settings/notifications`);
      expect(hrefsOf(mail.parsed.html!)).toEqual(expect.arrayContaining([`${CONSOLE}/tickets/${t.id}`, `${CONSOLE}/settings/notifications`]));
      expect(mail.parsed.html).toContain('请补充融资规模与期限');
    }

    // Redelivered through the queue, and handled once more directly: the same stored messages, nothing new.
    const notifications = ctx.worker!.get<Queue>(getQueueToken('notifications'), { strict: false });
    await notifications.add(event.name, event, { jobId: event.id });
    await ctx.waitFor(async () => !(await notifications.getJob(event.id)), 10_000, 'redelivered job done');
    expect((await notifications.getJobCounts('failed')).failed).toBe(0);
    expect(sorted(await ctx.worker!.get(SendNotificationsService).handle(event))).toEqual(sorted(rows.map((r) => r.id)));
    const mailQueue = ctx.worker!.get<Queue>(getQueueToken('mail'), { strict: false });
    await ctx.waitFor(async () => {
      const counts = await mailQueue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(counts).every((n) => n === 0);
    }, 10_000, 'mail queue idle');
    const stored = await ctx.sql(`SELECT count(*)::int AS n FROM mail_message WHERE dedupe_key LIKE $1`, [`ticket.info_requested:${event.id}:%`]);
    expect(stored[0].n).toBe(managers.length);
    for (const row of rows) expect(smtp.received.filter((m) => m.header('message-id') === row.message_id)).toHaveLength(1);
  });

  it('a completed service asks the zone to confirm; the completed list brings its summary', async () => {
    const t = await routedTicket({ type: 'finance', title: '园区贷授信对接' }, '第四季度融资需求清单');
    const staff = tokenOf(t.assigneeId);
    await post(`/tickets/${t.id}/accept`, staff);
    const proposal = await ctx.waitFor(async () => (await get(`/tickets/${t.id}/matches`, staff)).body.items?.find((m: { status: string }) => m.status === 'proposed'));
    expect((await post(`/matches/${proposal.id}/accept`, staff)).status).toBe(200);
    await post(`/tickets/${t.id}/activities`, staff, { date: '2026-11-16', kind: 'financing_session', notes: '组织银企对接会' });
    expect((await post(`/tickets/${t.id}/complete`, staff, { outcome: '促成园区贷授信 3000 万元' })).body.status).toBe('completed');

    const completed = await delivered(await eventOf('ticket.service_completed', t.id));
    expect(envelopes(completed.mails)).toEqual(sorted(managers.map((m) => m.email)));
    for (const mail of completed.mails) {
      expect(mail.parsed.subject).toBe('【进园区服务】服务已完成，请确认：园区贷授信对接');
      for (const expected of ['促成园区贷授信 3000 万元', '徽商银行合肥分行', `确认并评价：${CONSOLE}/tickets/${t.id}?action=confirm`]) expect(mail.parsed.text).toContain(expected);
      expect(hrefsOf(mail.parsed.html!)).toContain(`${CONSOLE}/tickets/${t.id}?action=confirm`);
    }

    expect((await post(`/tickets/${t.id}/confirm`, managerToken, { rating: 5, solved: true })).body.status).toBe('closed');
    const listDone = await delivered(await eventOf('demand_list.completed', t.listId));
    expect(envelopes(listDone.mails)).toEqual(sorted(managers.map((m) => m.email)));
    for (const mail of listDone.mails) {
      expect(mail.parsed.subject).toBe('【进园区服务】需求清单已全部办结：第四季度融资需求清单');
      for (const expected of ['需求总数：1 项', '按类型：金融进园区 1 项', '办理结果：办结 1 项，驳回 0 项，取消 0 项', '平均评分：5 分（1 项已评价）', '超时工单：0 项']) {
        expect(mail.parsed.text).toContain(expected);
      }
    }
  });

  it('SLA: 催办 goes to the assignee, or to the whole desk while nobody holds the ticket; 督办 to every coordinator', async () => {
    const assigned = await routedTicket({ type: 'finance', title: '融资需求（超时）' });
    const unassigned = await routedTicket({ type: 'training', title: '企业管理培训（超时）' });
    expect(unassigned.assigneeId).toBeNull();
    const timers = ctx.worker!.get(TimersProcessor);
    clock.set('2026-11-19T01:00:00Z'); // Thursday 09:00: both triage deadlines (Wednesday 24:00) passed
    await timers.sweepOnce();

    const reminder = await delivered(await eventOf('ticket.sla_breached', assigned.id));
    const assignee = finance.find((m) => m.user.id === assigned.assigneeId)!.user;
    expect(envelopes(reminder.mails)).toEqual([assignee.email]);
    expect(reminder.mails[0].parsed.subject).toBe('【催办】工单受理已超时：融资需求（超时）');
    expect(reminder.mails[0].parsed.text).toContain('您负责的工单「融资需求（超时）」已超过受理时限（北京时间 2026年11月18日 24:00）');

    const deskReminder = await delivered(await eventOf('ticket.sla_breached', unassigned.id));
    expect(envelopes(deskReminder.mails)).toEqual(sorted(training.map((u) => u.email)));
    expect(deskReminder.mails[0].parsed.text).toContain('培训进园区服务台尚未分配负责人的工单');

    clock.set('2026-11-19T16:30:00Z'); // Friday 00:30: a working day after the reminder
    await timers.sweepOnce();
    const escalation = await delivered(await eventOf('ticket.sla_escalated', assigned.id));
    expect(envelopes(escalation.mails)).toEqual(sorted(coordinators.map((u) => u.email)));
    for (const mail of escalation.mails) {
      expect(mail.parsed.subject).toBe('【督办】工单受理超时未办：融资需求（超时）');
      expect(mail.parsed.text).toContain(`负责人：${assignee.name}`);
    }
  });

  it('a title carrying "\\r\\nBcc:" adds no recipient and no header', async () => {
    const t = await routedTicket({ type: 'finance', title: '融资需求\r\nBcc: x@evil.example' });
    await post(`/tickets/${t.id}/request-info`, tokenOf(t.assigneeId), { question: '请说明\r\nTo: y@evil.example' });
    const { mails } = await delivered(await eventOf('ticket.info_requested', t.id));
    expect(envelopes(mails)).toEqual(sorted(managers.map((m) => m.email)));
    expect(smtp.received.filter((m) => m.envelopeTo.some((to) => to.endsWith('@evil.example')))).toEqual([]);
    for (const mail of mails) {
      const head = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n'));
      expect(head).not.toMatch(/^(bcc|cc):/im);
      expect(head).not.toContain('evil.example>');
      expect(mail.parsed.bcc ?? []).toEqual([]);
      expect(mail.parsed.to).toHaveLength(1);
      expect(mail.parsed.subject).toBe('【进园区服务】需求待补充信息：融资需求 Bcc: x@evil.example');
      expect(mail.parsed.text).toContain('请说明');
    }
  });

  it('a desk clerk is told when a ticket is assigned to them, unless they took it themselves or switched it off', async () => {
    const t = await routedTicket({ type: 'finance', title: '园区贷风险补偿' });
    const first = finance.find((m) => m.user.id === t.assigneeId)!;
    const other = finance.find((m) => m.user.id !== t.assigneeId)!;
    const links = ctx.api.get(UnsubscribeLinks);

    // Routing chose the first clerk: they get one email, in the assignment category, linking the console.
    const routed = await delivered(await eventOf('ticket.routed', t.id));
    expect(envelopes(routed.mails)).toEqual([first.user.email]);
    const [mail] = routed.mails;
    expect(mail.parsed.subject).toBe('【进园区服务】新工单已分配给您：园区贷风险补偿');
    expect(mail.parsed.text).toContain(`${first.user.name}：您好！`);
    expect(mail.parsed.text).toContain('已分派到金融进园区服务台，由您负责办理');
    expect(mail.parsed.text).toContain(`查看工单：${CONSOLE}/tickets/${t.id}\n`);
    expect(mail.parsed.text).toContain(`退订工单分配提醒：${links.urlFor(first.user.id, 'assignment')}`);
    expect(hrefsOf(mail.parsed.html!)).toEqual(expect.arrayContaining([`${CONSOLE}/tickets/${t.id}`, `${CONSOLE}/settings/notifications`]));
    expect(mail.header('list-unsubscribe')).toContain(links.urlFor(first.user.id, 'assignment'));
    expect((await ctx.sql(`SELECT kind, category FROM mail_message WHERE id = $1`, [routed.rows[0].id]))[0]).toEqual({ kind: 'ticket_assigned', category: 'assignment' });

    // A colleague hands it on: the new assignee is told by whom.
    expect((await post(`/tickets/${t.id}/assign`, first.token, { assigneeId: other.user.id })).status).toBe(200);
    const handed = await delivered(await eventOf('ticket.assigned', t.id));
    expect(envelopes(handed.mails)).toEqual([other.user.email]);
    expect(handed.mails[0].parsed.text).toContain(`已由${first.user.name}指派给您办理`);

    // Taking it back oneself mails nobody (the receipt says so).
    expect((await post(`/tickets/${t.id}/assign`, first.token, { assigneeId: first.user.id })).status).toBe(200);
    const selfTaken = await ctx.waitFor(async () => {
      const [e] = await ctx.sql(`SELECT e.id, r.messages FROM event e JOIN notification_receipt r ON r.event_id = e.id WHERE e.name = 'ticket.assigned' AND e.aggregate_id = $1 AND e.actor_id = $2 AND e.payload ->> 'assigneeId' = $2::text`, [t.id, first.user.id]);
      return e;
    }, 10_000, 'receipt of the self-assignment');
    expect(selfTaken.messages).toBe(0);

    // Switched off with the one-click link: the category only, and the next assignment is not sent.
    const token = new URL(links.urlFor(other.user.id, 'assignment')).searchParams.get('token')!;
    expect((await ctx.request('POST', `/api/v1/mail/unsubscribe?token=${encodeURIComponent(token)}`)).body).toEqual({ unsubscribed: true, category: 'assignment' });
    expect((await get('/users/me/mail-preferences', other.token)).body).toMatchObject({ digest: true, notifications: true, assignments: false });
    expect((await post(`/tickets/${t.id}/assign`, first.token, { assigneeId: other.user.id })).status).toBe(200);
    const again = await eventOf('ticket.assigned', t.id);
    const skipped = await ctx.waitFor(async () => {
      const [row] = await ctx.sql(`SELECT status, message_id FROM mail_message WHERE dedupe_key = $1`, [`ticket.assigned:${again.id}:${other.user.id}`]);
      return row && row.status !== 'queued' && row.status !== 'sending' ? row : null;
    }, 15_000, 'second assignment mail handled');
    expect(skipped.status).toBe('skipped');
    expect(smtp.received.filter((m) => m.header('message-id') === skipped.message_id)).toEqual([]);

    // A ticket routed to a desk without an assignee (desk_only) mails nobody either.
    const unassigned = await routedTicket({ type: 'training', title: '园区安全生产培训' });
    const receipt = await ctx.waitFor(async () => (await ctx.sql(`SELECT r.messages FROM event e JOIN notification_receipt r ON r.event_id = e.id WHERE e.name = 'ticket.routed' AND e.aggregate_id = $1`, [unassigned.id]))[0], 10_000, 'receipt');
    expect(receipt.messages).toBe(0);
  });

  it('mail preferences hold the assignments switch: a PUT needs it, a GET shows it', async () => {
    const clerk = finance[0];
    const missing = await ctx.request('PUT', '/api/v1/users/me/mail-preferences', { token: clerk.token, body: { digest: true, notifications: true } });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([expect.objectContaining({ field: 'assignments' })]);
    const put = await ctx.request('PUT', '/api/v1/users/me/mail-preferences', { token: clerk.token, body: { digest: false, notifications: true, assignments: false } });
    expect(put.body).toMatchObject({ userId: clerk.user.id, digest: false, notifications: true, assignments: false });
    expect((await get(`/users/${clerk.user.id}/mail-preferences`)).body).toMatchObject({ digest: false, notifications: true, assignments: false });
    await ctx.request('PUT', '/api/v1/users/me/mail-preferences', { token: clerk.token, body: { digest: true, notifications: true, assignments: true } });
  });

  it("another zone's manager got no notification at all", async () => {
    const rows = await ctx.sql(`SELECT count(*)::int AS n FROM mail_message WHERE category = 'notification' AND (to_address = $1 OR recipient_user_id = $2)`, [
      otherZoneManager.email,
      otherZoneManager.id,
    ]);
    expect(rows[0].n).toBe(0);
    const notificationIds = new Set((await ctx.sql(`SELECT message_id FROM mail_message WHERE category = 'notification'`)).map((r) => r.message_id));
    expect(notificationIds.size).toBeGreaterThan(0);
    expect(smtp.to(otherZoneManager.email).filter((m) => notificationIds.has(m.header('message-id') ?? ''))).toEqual([]);
  });
});
