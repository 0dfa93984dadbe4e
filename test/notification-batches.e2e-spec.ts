import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { newId } from '@enterpark/common';
import { DomainEvent, EventName, EventPayloads } from '@enterpark/events';
import { User } from '@enterpark/identity';
import { SendNotificationsService } from '@enterpark/notifications';
import { TestContext, TestSmtpServer } from '@enterpark/testing';

/**
 * The notifications worker handles events in batches (one transaction, one queue call for
 * many events). What a batch must keep from one-by-one handling: exactly one email per
 * (event, recipient), a redelivered batch storing and sending nothing new, and one bad
 * event failing alone.
 */
describe('notification batches: one email per (event, recipient), redelivery changes nothing', () => {
  let smtp: TestSmtpServer;
  let ctx: TestContext;
  let zoneId: string;
  const managers: User[] = [];
  let tickets: { id: string; assignee_id: string }[];

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    ctx = await TestContext.create({ env: { SMTP_URL: smtp.url, MAIL_BACKOFF_MS: '50' } });
    zoneId = (await ctx.newZone()).id;
    let managerToken = '';
    for (const name of ['李华', '赵磊']) {
      const created = await ctx.newUser('zone_manager', { zoneId, name });
      managers.push(created.user);
      managerToken ||= created.token;
    }
    for (const name of ['王敏', '陈静']) await ctx.newUser('desk_staff', { desks: ['finance'], name });
    const items = ['园区贷对接', '跨境融资咨询', '知识产权质押融资'].map((title) => ({ type: 'finance', title }));
    const filed = await ctx.request('POST', '/api/v1/demand-lists', { token: managerToken, body: { title: '第四季度需求清单', items } });
    expect(filed.status).toBe(201);
    tickets = await ctx.waitFor(async () => {
      const rows = await ctx.sql(`SELECT id, assignee_id FROM ticket WHERE demand_list_id = $1 AND status = 'routed' ORDER BY id`, [filed.body.id]);
      return rows.length === items.length && rows.every((r) => r.assignee_id) ? rows : null;
    }, 15_000, 'tickets routed and assigned');
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });

  /** An event the pipeline never published, so only the batch under test handles it. */
  function event<N extends EventName>(name: N, ticketId: string, payload: EventPayloads[N]): DomainEvent<N> {
    return { id: newId(), name, aggregateType: 'ticket', aggregateId: ticketId, zoneId, actorId: null, payload, occurredAt: new Date().toISOString() };
  }

  const messagesOf = (events: DomainEvent[]) =>
    ctx.sql(`SELECT id, dedupe_key, to_address, status, message_id FROM mail_message WHERE dedupe_key LIKE ANY($1) ORDER BY dedupe_key`, [
      events.map((e) => `${e.name}:${e.id}:%`),
    ]);

  async function mailQueueIdle() {
    const mail = ctx.worker!.get<Queue>(getQueueToken('mail'), { strict: false });
    await ctx.waitFor(async () => {
      const counts = await mail.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(counts).every((n) => n === 0);
    }, 15_000, 'mail queue idle');
  }

  it('a batch through the queue: each event its emails once, a bad event fails alone, a redelivered batch adds nothing', async () => {
    const routed = tickets.map((t) => event('ticket.routed', t.id, { ticketId: t.id, zoneId, desk: 'finance', assigneeId: t.assignee_id, rule: 'default' }));
    const asked = tickets.map((t) => event('ticket.info_requested', t.id, { ticketId: t.id, zoneId, question: '请补充融资规模与期限' }));
    const missingTicket = newId();
    const bad = event('ticket.info_requested', missingTicket, { ticketId: missingTicket, zoneId, question: '？' });
    const good = [...routed, ...asked];
    const notifications = ctx.worker!.get<Queue>(getQueueToken('notifications'), { strict: false });
    await notifications.addBulk([...good, bad].map((e) => ({ name: e.name, data: e, opts: { jobId: e.id } })));

    // One per assignee for each routing, one per zone manager for each question.
    const expected = routed.length + asked.length * managers.length;
    const rows = await ctx.waitFor(async () => {
      const found = await messagesOf(good);
      return found.length === expected && found.every((r) => r.status === 'sent') ? found : null;
    }, 20_000, 'every message of the batch sent');
    for (const e of routed) expect(rows.filter((r) => r.dedupe_key.startsWith(`ticket.routed:${e.id}:`))).toHaveLength(1);
    for (const e of asked) {
      const mine = rows.filter((r) => r.dedupe_key.startsWith(`ticket.info_requested:${e.id}:`));
      expect(mine.map((r) => r.to_address).sort()).toEqual(managers.map((m) => m.email).sort());
    }
    const receipts = await ctx.waitFor(async () => {
      const found = await ctx.sql(`SELECT event_id, messages, error FROM notification_receipt WHERE event_id = ANY($1)`, [[...good, bad].map((e) => e.id)]);
      return found.length === good.length + 1 ? found : null;
    }, 10_000, 'a receipt per event');
    expect(receipts.find((r) => r.event_id === bad.id)!.error).toMatch(/^NOTIFICATION_SUBJECT_NOT_FOUND/);
    for (const e of good) expect(receipts.find((r) => r.event_id === e.id)).toMatchObject({ messages: e.name === 'ticket.routed' ? 1 : managers.length, error: null });

    // Redelivered: handled again directly as one batch, and once more through the queue.
    const again = await ctx.worker!.get(SendNotificationsService).handleMany(good);
    expect(again.flat().sort()).toEqual(rows.map((r) => r.id).sort());
    await notifications.addBulk(good.map((e) => ({ name: e.name, data: e, opts: { jobId: e.id } })));
    await ctx.waitFor(async () => (await Promise.all(good.map((e) => notifications.getJob(e.id)))).every((job) => !job), 10_000, 'redelivered jobs done');
    await mailQueueIdle();
    expect(await messagesOf(good)).toHaveLength(expected);
    for (const row of rows) expect(smtp.received.filter((m) => m.header('message-id') === row.message_id)).toHaveLength(1);
  });

  it('an event twice in one batch stores and sends its message once', async () => {
    const [t] = tickets;
    const routed = event('ticket.routed', t.id, { ticketId: t.id, zoneId, desk: 'finance', assigneeId: t.assignee_id, rule: 'default' });
    const ids = await ctx.worker!.get(SendNotificationsService).handleMany([routed, routed]);
    expect(ids[0]).toHaveLength(1);
    expect(ids[1]).toEqual(ids[0]);
    expect(await messagesOf([routed])).toHaveLength(1);
    await mailQueueIdle();
    const [row] = await messagesOf([routed]);
    await ctx.waitFor(async () => smtp.received.some((m) => m.header('message-id') === row.message_id), 10_000, 'the message sent');
    expect(smtp.received.filter((m) => m.header('message-id') === row.message_id)).toHaveLength(1);
  });
});
