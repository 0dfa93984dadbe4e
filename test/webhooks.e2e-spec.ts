import { INestApplicationContext } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { loopbackHostName, ReceivedWebhook, TestContext, TestWebhookReceiver } from '@enterpark/testing';
import { createWorkerApp } from '../apps/worker/src/worker-app';
import { WebhooksProcessor } from '../apps/worker/src/webhooks/webhooks.processor';

/** Fast retries and ticks; receivers listen on 127.0.0.1, which needs WEBHOOK_ALLOW_PRIVATE. */
const FAST = { WEBHOOK_POLL_MS: '100', WEBHOOK_BACKOFF_MS: '50', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_TIMEOUT_MS: '2000', RECONCILE_STUCK_AFTER_MS: '1000' };

async function world(env: Record<string, string>, worker = true) {
  const ctx = await TestContext.create({ worker, env: { ...FAST, ...env } });
  const zoneId = (await ctx.newZone()).id;
  const manager = (await ctx.newUser('zone_manager', { zoneId })).token;
  await ctx.newUser('desk_staff', { desks: ['finance', 'training'] });
  const coordinator = await ctx.coordinatorToken();
  const register = (body: unknown, token = coordinator) => ctx.request('POST', '/api/v1/webhooks', { token, body });
  const deliveries = async (id: string) => (await ctx.request('GET', `/api/v1/webhooks/${id}/deliveries`, { token: coordinator })).body.items;
  /** Files a list: demand_list.filed, then ticket.submitted and (from the routing worker) ticket.routed per item. */
  const fileList = async (types: string[] = ['finance']) => {
    const res = await ctx.request('POST', '/api/v1/demand-lists', { token: manager, body: { title: '2026 年第四季度需求清单', items: types.map((type) => ({ type, title: `需求：${type}` })) } });
    expect(res.status).toBe(201);
    return { listId: res.body.id as string, ticketIds: res.body.tickets.map((t: { id: string }) => t.id) as string[] };
  };
  return { ctx, manager, coordinator, register, deliveries, fileList };
}

const of = (list: { listId: string; ticketIds: string[] }) => (r: ReceivedWebhook) => r.json?.data?.demandListId === list.listId || list.ticketIds.includes(r.json?.data?.ticketId);

describe('webhooks: signed deliveries, retries and the log (receivers on 127.0.0.1)', () => {
  let w: Awaited<ReturnType<typeof world>>;
  let receiver: TestWebhookReceiver;

  beforeAll(async () => {
    w = await world({ WEBHOOK_ALLOW_PRIVATE: 'true' });
    receiver = await TestWebhookReceiver.start();
  });
  afterAll(async () => {
    await w.ctx.close();
    await receiver.close();
  });

  it('a receiver verifies every delivery with the secret and gets each subscribed event once, nothing else', async () => {
    const created = await w.register({ url: receiver.url('/a'), events: ['ticket.submitted', 'ticket.routed'], description: '园区数据中台' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: receiver.url('/a'), events: ['ticket.submitted', 'ticket.routed'], status: 'active', secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/) });
    const listed = await w.ctx.request('GET', '/api/v1/webhooks', { token: w.coordinator });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: created.body.id })]);
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');

    const list = await w.fileList(['finance', 'training']);
    const got = await w.ctx.waitFor(async () => (receiver.at('/a').filter(of(list)).length >= 4 ? receiver.at('/a').filter(of(list)) : null), 10_000, 'four deliveries');
    const events = await w.ctx.sql(`SELECT id, name FROM event WHERE payload->>'ticketId' = ANY ($1) AND name IN ('ticket.submitted', 'ticket.routed')`, [list.ticketIds]);
    expect(events).toHaveLength(4);
    const verifier = new Webhook(created.body.secret);
    for (const r of got) expect(verifier.verify(r.body, r.headers as Record<string, string>)).toEqual(r.json);
    expect(got.map((r) => r.headers['webhook-id']).sort()).toEqual(events.map((e) => e.id).sort());
    expect(got.map((r) => r.json.type).sort()).toEqual(['ticket.routed', 'ticket.routed', 'ticket.submitted', 'ticket.submitted']);
    expect(got[0].json).toEqual({ type: expect.any(String), timestamp: expect.any(String), data: expect.objectContaining({ zoneId: expect.any(String) }) });

    // Fanning the same range out again (cursor rewound, extra ticks) creates and sends nothing more.
    await w.ctx.sql(`UPDATE webhook_cursor SET tx_id = '0', seq = 0`);
    const processor = w.ctx.worker!.get(WebhooksProcessor);
    await Promise.all([processor.dispatchOnce(), processor.dispatchOnce(), processor.dispatchOnce()]);
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.at('/a').filter(of(list))).toHaveLength(4);
    const log = await w.deliveries(created.body.id);
    expect(log.filter((d: { eventId: string }) => events.some((e) => e.id === d.eventId))).toHaveLength(4);
    expect(log[0]).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null, lastResponse: 'ok', nextAttemptAt: null });
  });

  it('an endpoint gets events from its registration on, not the history', async () => {
    await w.register({ url: receiver.url('/older'), events: ['ticket.closed'] }); // the fan-out reads from its registration on
    const before = await w.fileList();
    const created = await w.register({ url: receiver.url('/late'), events: ['demand_list.filed'] });
    // Rewound, the fan-out reads the earlier list again: only the registration point keeps it out.
    await w.ctx.sql(`UPDATE webhook_cursor SET tx_id = '0', seq = 0`);
    const after = await w.fileList();
    await w.ctx.waitFor(async () => receiver.at('/late').some(of(after)), 10_000, 'the later list');
    expect(receiver.at('/late').filter(of(before))).toEqual([]);
    expect((await w.deliveries(created.body.id)).map((d: { eventType: string }) => d.eventType)).toEqual(['demand_list.filed']);
  });

  it('a failing receiver (500, 500, then 200) gets retries with the same webhook-id; the log shows the attempts', async () => {
    receiver.answer = (path, seen) => (path === '/flaky' && seen < 2 ? { status: 500, body: '暂时不可用' } : { status: 200, body: 'ok' });
    const created = await w.register({ url: receiver.url('/flaky'), events: ['demand_list.filed'] });
    const list = await w.fileList();
    const [delivery] = await w.ctx.waitFor(async () => {
      const log = await w.deliveries(created.body.id);
      return log[0]?.status === 'delivered' ? log : null;
    }, 10_000, 'delivered after retries');
    expect(delivery).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null });
    const tries = receiver.at('/flaky').filter(of(list));
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((t) => t.headers['webhook-id']))).toEqual(new Set([delivery.eventId]));
    expect(new Set(tries.map((t) => t.body)).size).toBe(1);
    for (const t of tries) expect(() => new Webhook(created.body.secret).verify(t.body, t.headers as Record<string, string>)).not.toThrow();
  });

  it('a redirect is not followed: each 302 is a failed attempt, and after the last one the delivery has failed', async () => {
    receiver.answer = (path) => (path === '/moved' ? { status: 302, headers: { location: receiver.url('/target') } } : { status: 200, body: 'ok' });
    const created = await w.register({ url: receiver.url('/moved'), events: ['demand_list.filed'] });
    await w.fileList();
    const [delivery] = await w.ctx.waitFor(async () => {
      const log = await w.deliveries(created.body.id);
      return log[0]?.status === 'failed' ? log : null;
    }, 10_000, 'failed after three attempts');
    expect(delivery).toMatchObject({ attempts: 3, lastStatusCode: 302, lastError: expect.stringContaining('重定向不会被跟随'), finishedAt: expect.any(String) });
    expect(receiver.at('/moved')).toHaveLength(3);
    expect(receiver.at('/target')).toEqual([]);
  });

  it('410 Gone disables the endpoint: no more deliveries are created for it', async () => {
    receiver.answer = (path) => (path === '/gone' ? { status: 410 } : { status: 200, body: 'ok' });
    const created = await w.register({ url: receiver.url('/gone'), events: ['demand_list.filed'] });
    await w.fileList();
    await w.ctx.waitFor(async () => (await w.deliveries(created.body.id))[0]?.status === 'failed', 10_000, 'the 410');
    const listed = (await w.ctx.request('GET', '/api/v1/webhooks', { token: w.coordinator })).body.items.find((e: { id: string }) => e.id === created.body.id);
    expect(listed).toMatchObject({ status: 'disabled', disabledReason: expect.stringContaining('410') });
    const control = await w.register({ url: receiver.url('/control-410'), events: ['demand_list.filed'] });
    const next = await w.fileList();
    await w.ctx.waitFor(async () => receiver.at('/control-410').some(of(next)), 10_000, 'the control endpoint');
    expect(await w.deliveries(created.body.id)).toHaveLength(1);
    expect(receiver.at('/gone')).toHaveLength(1);
    await w.ctx.request('DELETE', `/api/v1/webhooks/${control.body.id}`, { token: w.coordinator });
  });

  it('a deleted endpoint receives nothing more', async () => {
    const doomed = await w.register({ url: receiver.url('/doomed'), events: ['demand_list.filed'] });
    const control = await w.register({ url: receiver.url('/control'), events: ['demand_list.filed'] });
    const first = await w.fileList();
    await w.ctx.waitFor(async () => receiver.at('/doomed').some(of(first)), 10_000, 'the first list');

    expect((await w.ctx.request('DELETE', `/api/v1/webhooks/${doomed.body.id}`, { token: w.coordinator })).status).toBe(204);
    expect((await w.ctx.request('DELETE', `/api/v1/webhooks/${doomed.body.id}`, { token: w.coordinator })).status).toBe(404);
    expect((await w.ctx.request('GET', `/api/v1/webhooks/${doomed.body.id}/deliveries`, { token: w.coordinator })).status).toBe(404);
    const listed = (await w.ctx.request('GET', '/api/v1/webhooks', { token: w.coordinator })).body.items.map((e: { id: string }) => e.id);
    expect(listed).not.toContain(doomed.body.id);

    const second = await w.fileList();
    await w.ctx.waitFor(async () => receiver.at('/control').some(of(second)), 10_000, 'the control endpoint');
    await w.ctx.worker!.get(WebhooksProcessor).dispatchOnce();
    expect(receiver.at('/doomed').filter(of(second))).toEqual([]);
    const [{ n }] = await w.ctx.sql(`SELECT count(*)::int AS n FROM webhook_delivery WHERE endpoint_id = $1`, [doomed.body.id]);
    expect(n).toBe(1);
    await w.ctx.request('DELETE', `/api/v1/webhooks/${control.body.id}`, { token: w.coordinator });
  });

  it('a delivery whose job was lost is re-driven by the dispatcher tick', async () => {
    const created = await w.register({ url: receiver.url('/redrive'), events: ['demand_list.filed'] });
    const list = await w.fileList();
    const [delivery] = await w.ctx.waitFor(async () => {
      const log = await w.deliveries(created.body.id);
      return log[0]?.status === 'delivered' ? log : null;
    }, 10_000, 'delivered');
    // As if the fan-out had committed and its job had vanished with Redis: pending, due, no job.
    await w.ctx.sql(`UPDATE webhook_delivery SET status = 'pending', next_attempt_at = now() - interval '2 seconds', finished_at = NULL WHERE id = $1`, [delivery.id]);
    await w.ctx.waitFor(async () => receiver.at('/redrive').filter(of(list)).length === 2, 10_000, 'the re-driven attempt');
    // The receiver answers before the worker records the answer: wait for the record.
    const again = await w.ctx.waitFor(async () => {
      const [d] = await w.deliveries(created.body.id);
      return d.status === 'sending' ? null : d;
    }, 10_000, 'the re-driven attempt recorded');
    expect(again).toMatchObject({ id: delivery.id, status: 'delivered', attempts: 2 });
    expect(new Set(receiver.at('/redrive').map((r) => r.headers['webhook-id'])).size).toBe(1);
  });

  it('only coordinators manage webhooks: the others get 403 and nothing is written', async () => {
    const kept = await w.register({ url: receiver.url('/kept'), events: ['ticket.closed'] });
    const zoneId = (await w.ctx.newZone()).id;
    const tokens = [w.manager, (await w.ctx.newUser('zone_manager', { zoneId })).token, (await w.ctx.newUser('desk_staff', { desks: ['finance'] })).token, (await w.ctx.newUser('viewer')).token];
    const before = await w.ctx.rowCounts();
    for (const token of tokens) {
      expect((await w.register({ url: receiver.url('/x'), events: ['ticket.closed'] }, token)).status).toBe(403);
      expect((await w.ctx.request('GET', '/api/v1/webhooks', { token })).status).toBe(403);
      expect((await w.ctx.request('DELETE', `/api/v1/webhooks/${kept.body.id}`, { token })).status).toBe(403);
      expect((await w.ctx.request('GET', `/api/v1/webhooks/${kept.body.id}/deliveries`, { token })).status).toBe(403);
    }
    expect((await w.ctx.request('GET', '/api/v1/webhooks')).status).toBe(401);
    expect(await w.ctx.rowCounts()).toEqual(before);
    const [row] = await w.ctx.sql(`SELECT deleted_at FROM webhook_endpoint WHERE id = $1`, [kept.body.id]);
    expect(row.deleted_at).toBeNull();
  });

  it.each([
    ['url isString', { events: ['ticket.closed'] }, 'url', 'isString'],
    ['url httpScheme', { url: 'ftp://example.com/in', events: ['ticket.closed'] }, 'url', 'httpScheme'],
    ['url noCredentials', { url: 'https://user:secret@example.com/in', events: ['ticket.closed'] }, 'url', 'noCredentials'],
    ['url isUrl', { url: 'not a url', events: ['ticket.closed'] }, 'url', 'isUrl'],
    ['url maxLength', { url: `https://example.com/${'a'.repeat(2050)}`, events: ['ticket.closed'] }, 'url', 'maxLength'],
    ['events isArray', { url: 'https://example.com/in' }, 'events', 'isArray'],
    ['events arrayMinSize', { url: 'https://example.com/in', events: [] }, 'events', 'arrayMinSize'],
    ['events isIn', { url: 'https://example.com/in', events: ['ticket.exploded'] }, 'events', 'isIn'],
    ['events arrayMaxSize', { url: 'https://example.com/in', events: Array(51).fill('ticket.closed') }, 'events', 'arrayMaxSize'],
    ['description isNotBlank', { url: 'https://example.com/in', events: ['ticket.closed'], description: '   ' }, 'description', 'isNotBlank'],
    ['secret notAllowed', { url: 'https://example.com/in', events: ['ticket.closed'], secret: 'mine' }, 'secret', 'notAllowed'],
  ])('bad input (%s) → 400 naming the field and the rule, nothing written', async (_label, body, field, rule) => {
    const before = await w.ctx.rowCounts();
    const res = await w.register(body);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    expect(await w.ctx.rowCounts()).toEqual(before);
  });

  it('the deliveries log is paged and filtered by status', async () => {
    const created = await w.register({ url: receiver.url('/paged'), events: ['ticket.submitted'] });
    await w.fileList(['finance', 'training', 'media']);
    await w.ctx.waitFor(async () => (await w.deliveries(created.body.id)).filter((d: { status: string }) => d.status === 'delivered').length === 3, 10_000, 'three');
    const path = `/api/v1/webhooks/${created.body.id}/deliveries`;
    const first = await w.ctx.request('GET', `${path}?limit=2`, { token: w.coordinator });
    const second = await w.ctx.request('GET', `${path}?limit=2&cursor=${first.body.nextCursor}`, { token: w.coordinator });
    expect([...first.body.items, ...second.body.items].map((d: { id: string }) => d.id)).toHaveLength(3);
    expect(second.body.nextCursor).toBeNull();
    expect((await w.ctx.request('GET', `${path}?status=failed`, { token: w.coordinator })).body.items).toEqual([]);
    expect((await w.ctx.request('GET', `${path}?status=lost`, { token: w.coordinator })).status).toBe(400);
    expect((await w.ctx.request('GET', `${path}?limit=5000`, { token: w.coordinator })).status).toBe(400);
  });
});

describe('webhooks: destinations outside the public internet (WEBHOOK_ALLOW_PRIVATE=false)', () => {
  let w: Awaited<ReturnType<typeof world>>;
  beforeAll(async () => {
    w = await world({ WEBHOOK_ALLOW_PRIVATE: 'false' }, false);
  });
  afterAll(() => w.ctx.close());

  it('registration refuses private, loopback, link-local, metadata and local names through the real resolver; nothing written', async () => {
    const local = await loopbackHostName();
    const refused = [
      'http://169.254.169.254/latest/meta-data/',
      'http://localhost/',
      `http://${local}:8080/hook`,
      'http://10.0.0.1/',
      'http://[::1]/',
      'http://[::ffff:169.254.169.254]/',
      'http://[fd00:ec2::254]/',
      'http://100.100.100.200/',
      'http://0x7f.1/',
      'https://192.168.1.20/hook',
    ];
    const before = await w.ctx.rowCounts();
    for (const url of refused) {
      const res = await w.register({ url, events: ['ticket.closed'] });
      expect({ url, status: res.status, code: res.body.code, details: res.body.details }).toEqual({
        url,
        status: 400,
        code: 'WEBHOOK_DESTINATION_REFUSED',
        details: [expect.objectContaining({ field: 'url', rule: 'publicAddress' })],
      });
    }
    const unresolvable = await w.register({ url: 'https://no-such-host.invalid/hook', events: ['ticket.closed'] });
    expect(unresolvable.body).toMatchObject({ code: 'WEBHOOK_DESTINATION_REFUSED', details: [expect.objectContaining({ field: 'url', rule: 'resolvable' })] });
    expect(await w.ctx.rowCounts()).toEqual(before);
  });

  it('a public address is accepted, up to the cap of 100 endpoints', async () => {
    for (let i = 0; i < 100; i++) expect((await w.register({ url: `https://93.184.215.14/hook/${i}`, events: ['ticket.closed'] })).status).toBe(201);
    const over = await w.register({ url: 'https://93.184.215.14/hook/101', events: ['ticket.closed'] });
    expect(over).toMatchObject({ status: 409, body: { code: 'WEBHOOK_ENDPOINT_LIMIT', details: [expect.objectContaining({ field: 'url', rule: 'maxEndpoints' })] } });
    const page = await w.ctx.request('GET', '/api/v1/webhooks?limit=200', { token: w.coordinator });
    expect(page.body.items).toHaveLength(100);
  });
});

describe('webhooks: the send-time check (registered while allowed, the worker no longer allows it)', () => {
  let w: Awaited<ReturnType<typeof world>>;
  let receiver: TestWebhookReceiver;
  let strictWorker: INestApplicationContext;
  beforeAll(async () => {
    w = await world({ WEBHOOK_ALLOW_PRIVATE: 'true' }, false);
    receiver = await TestWebhookReceiver.start();
    strictWorker = await createWorkerApp(w.ctx.config.with({ WEBHOOK_ALLOW_PRIVATE: false }), { shutdownHooks: false });
  });
  afterAll(async () => {
    await strictWorker.close();
    await w.ctx.close();
    await receiver.close();
  });

  it('the delivery is refused after resolution, without connecting, and not retried', async () => {
    // An address literal (checked before connecting) and a name (checked by the connection's own lookup).
    const literal = await w.register({ url: receiver.url('/inside'), events: ['demand_list.filed'] });
    const named = await w.register({ url: receiver.url('/named').replace('127.0.0.1', 'localhost'), events: ['demand_list.filed'] });
    expect([literal.status, named.status]).toEqual([201, 201]);
    await w.fileList();
    for (const endpoint of [literal, named]) {
      const [delivery] = await w.ctx.waitFor(async () => {
        const log = await w.deliveries(endpoint.body.id);
        return log[0]?.status === 'failed' ? log : null;
      }, 10_000, 'the refused delivery');
      expect(delivery).toMatchObject({ attempts: 1, lastStatusCode: null, lastError: expect.stringMatching(/^发送时拒绝：.*(127\.0\.0\.1 属于回环地址|::1 属于回环地址)/) });
    }
    expect(receiver.received).toEqual([]);
  });
});
