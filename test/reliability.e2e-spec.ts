import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { SERVICE_TYPES } from '@enterpark/common';
import { DomainEvent } from '@enterpark/events';
import { Metrics } from '@enterpark/metrics';
import { deleteRedisKeys, TestContext } from '@enterpark/testing';

/** Nothing accepted is lost, nothing is done twice: redelivery, lost jobs, a stopped worker, a flushed Redis. */
describe('durable, idempotent routing', () => {
  let ctx: TestContext;
  let managerToken: string;

  beforeAll(async () => {
    ctx = await TestContext.create({ env: { RECONCILE_INTERVAL_MS: '200', RECONCILE_STUCK_AFTER_MS: '500' } });
    const zone = await ctx.newZone();
    managerToken = (await ctx.newUser('zone_manager', { zoneId: zone.id })).token;
    for (const desk of SERVICE_TYPES) await ctx.newUser('desk_staff', { desks: [desk] });
  });
  afterAll(() => ctx.close());

  const queue = () => ctx.api.get<Queue>(getQueueToken('routing'), { strict: false });

  async function fileList(count = 6): Promise<string> {
    const items = Array.from({ length: count }, (_, i) => ({ type: SERVICE_TYPES[i % 6], title: `需求 ${i}` }));
    const res = await ctx.request('POST', '/api/v1/demand-lists', { token: managerToken, body: { title: '可靠性测试清单', items } });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const statuses = async (listId: string) =>
    (await ctx.sql(`SELECT status FROM ticket WHERE demand_list_id = $1`, [listId])).map((r) => r.status as string);

  const allRouted = (listId: string, timeoutMs = 10_000) =>
    ctx.waitFor(async () => (await statuses(listId)).every((s) => s === 'routed'), timeoutMs, `list ${listId} routed`);

  async function snapshot(listId: string) {
    return {
      tickets: await ctx.sql(`SELECT id, status, desk, assignee_id, routed_at, version FROM ticket WHERE demand_list_id = $1 ORDER BY seq`, [listId]),
      events: await ctx.sql(`SELECT count(*)::int AS n FROM event`),
      desks: await ctx.sql(`SELECT desk, user_id, last_assigned_at FROM desk_member ORDER BY desk, user_id`),
    };
  }

  async function drained(): Promise<void> {
    await ctx.waitFor(async () => {
      const counts = await queue().getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(counts).every((n) => n === 0);
    }, 10_000, 'routing queue drained');
  }

  it('treats a redelivered demand_list.filed as a no-op', async () => {
    const listId = await fileList();
    await allRouted(listId);
    await drained();
    const before = await snapshot(listId);
    const [event] = await ctx.sql(
      `SELECT id, name, aggregate_type, aggregate_id, zone_id, actor_id, payload, occurred_at FROM event
        WHERE name = 'demand_list.filed' AND aggregate_id = $1`,
      [listId],
    );
    const data: DomainEvent = {
      id: event.id, name: event.name, aggregateType: event.aggregate_type, aggregateId: event.aggregate_id,
      zoneId: event.zone_id, actorId: event.actor_id, payload: event.payload, occurredAt: event.occurred_at.toISOString(),
    };
    // Twice, under fresh job ids: BullMQ would dedupe the original id, a redelivery need not.
    await queue().add('demand_list.filed', data, { jobId: `${event.id}-again-1` });
    await queue().add('demand_list.filed', data, { jobId: `${event.id}-again-2` });
    await drained();
    expect(await snapshot(listId)).toEqual(before);
  });

  const routingRedrives = async () => (await Metrics.shared().reconcilerRedrives.get()).values.find((v) => v.labels.what === 'routing')?.value ?? 0;

  it('never re-drives an event whose job is only waiting (late, not lost)', async () => {
    await queue().pause(); // a backlog: the jobs wait in Redis, unprocessed
    const listId = await fileList();
    await ctx.waitFor(async () => (await queue().getWaitingCount()) >= 1, 10_000, 'the list job published');
    const before = await routingRedrives();
    // Well past RECONCILE_STUCK_AFTER_MS (500 ms), several passes of the reconciler (every 200 ms).
    await new Promise((r) => setTimeout(r, 2_000));
    const [{ unpublished }] = await ctx.sql(
      `SELECT count(*)::int AS unpublished FROM event e WHERE e.aggregate_id = $1 AND e.name = 'demand_list.filed' AND e.published_at IS NULL`,
      [listId],
    );
    expect(unpublished).toBe(0);
    expect(await routingRedrives()).toBe(before);
    expect(await queue().getWaitingCount()).toBeGreaterThanOrEqual(1);
    await queue().resume();
    await allRouted(listId);
  });

  it('re-drives tickets whose jobs were lost from Redis (reconciler), and counts them', async () => {
    await queue().pause(); // jobs published now wait in Redis, unprocessed
    const listId = await fileList();
    await ctx.waitFor(async () => (await queue().getWaitingCount()) >= 1, 10_000, 'the list job published');
    await new Promise((r) => setTimeout(r, 300)); // whatever else the relay might publish
    expect(await queue().getWaitingCount()).toBe(1); // one routing job for the 6 tickets of the list
    const before = await routingRedrives();
    await queue().obliterate({ force: true }); // the jobs are gone, as after a Redis failover without persistence
    await queue().resume();
    expect(await statuses(listId)).toEqual(Array(6).fill('submitted'));
    await allRouted(listId);
    expect(await routingRedrives()).toBeGreaterThanOrEqual(before + 1);
    const [{ n }] = await ctx.sql(
      `SELECT count(*)::int AS n FROM event e JOIN ticket t ON t.id = e.aggregate_id WHERE t.demand_list_id = $1 AND e.name = 'ticket.routed'`,
      [listId],
    );
    expect(n).toBe(6);
  });

  it('keeps what is filed while the worker is down and routes it on restart', async () => {
    await ctx.stopWorker();
    const listId = await fileList(12);
    await new Promise((r) => setTimeout(r, 300));
    expect(await statuses(listId)).toEqual(Array(12).fill('submitted'));
    const [{ n }] = await ctx.sql(`SELECT count(*)::int AS n FROM event WHERE published_at IS NULL AND name IN ('ticket.submitted', 'demand_list.filed')`);
    expect(n).toBe(13);
    await ctx.startWorker();
    await allRouted(listId);
  });

  it('recovers when Redis loses every key of the deployment', async () => {
    await queue().pause();
    const listId = await fileList();
    await ctx.waitFor(async () => (await queue().getWaitingCount()) >= 1, 10_000, 'the list job in Redis');
    await deleteRedisKeys(ctx.config.redisUrl!, ctx.config.queuePrefix); // also drops the paused flag
    expect(await statuses(listId)).toEqual(Array(6).fill('submitted'));
    await allRouted(listId, 15_000);
  });

  it('routes each ticket exactly once when many lists arrive at once', async () => {
    const lists = await Promise.all(Array.from({ length: 10 }, () => fileList(20)));
    for (const id of lists) await allRouted(id);
    const [{ routed, tickets }] = await ctx.sql(
      `SELECT (SELECT count(*)::int FROM event e WHERE e.name = 'ticket.routed' AND e.aggregate_id IN (SELECT id FROM ticket WHERE demand_list_id = ANY($1::uuid[]))) AS routed,
              (SELECT count(*)::int FROM ticket WHERE demand_list_id = ANY($1::uuid[])) AS tickets`,
      [lists],
    );
    expect(tickets).toBe(200);
    expect(routed).toBe(200);
  });
});
