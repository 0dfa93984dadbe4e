import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DomainEvent } from '@enterpark/events';
import { TestClock, TestContext } from '@enterpark/testing';
import { MatchingProcessor } from '../apps/worker/src/matching/matching.processor';

const START = new Date('2026-11-16T02:00:00Z');
const TICKETS = 1000;
const PROVIDERS = 100;
const CAPACITY = 5;

/**
 * Matching under contention: 1,000 triaged tickets race for 100 providers of capacity 5,
 * every ticket.accepted delivered twice (a duplicate job with another id). The database
 * must end with exactly one open match for 500 tickets, one escalation for the other 500,
 * no provider over capacity and every provider's counter equal to its open matches.
 */
describe('matching under contention', () => {
  let ctx: TestContext;
  let zoneId: string;

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false, clock: new TestClock(START) });
    zoneId = (await ctx.newZone({ name: '合肥经开区', city: '合肥市' })).id;
  });
  afterAll(() => ctx.close());

  /** Triaged tickets in the shape acceptance leaves them (status, desk, priority, the matching stage's clock). */
  async function insertTriagedTickets(): Promise<string[]> {
    const { user } = await ctx.newUser('zone_manager', { zoneId });
    const lists = await ctx.sql<{ id: string }>(
      `INSERT INTO demand_list (id, zone_id, title, filed_by, item_count, created_at)
       SELECT gen_random_uuid(), $1, '并发匹配测试清单 ' || g, $2, 200, $3 FROM generate_series(1, $4::int) g RETURNING id`,
      [zoneId, user.id, START, TICKETS / 200],
    );
    const tickets = await ctx.sql<{ id: string }>(
      `INSERT INTO ticket (id, demand_list_id, zone_id, seq, type, title, tags, status, desk, version, created_at, routed_at, updated_at,
                           priority, accepted_at, sla_stage, sla_started_at, sla_due_at)
       SELECT gen_random_uuid(), l.id, $1, s, 'finance', '融资需求 ' || s, CASE WHEN s % 2 = 0 THEN '{园区贷}'::text[] ELSE '{}' END,
              'triaged', 'finance', 3, $2, $2, $2, 'normal', $2, 'matching', $2, $3
         FROM unnest($4::uuid[]) AS l (id) CROSS JOIN generate_series(1, 200) AS s
       RETURNING id`,
      [zoneId, START, new Date('2026-11-23T16:00:00Z'), lists.map((l) => l.id)],
    );
    return tickets.map((t) => t.id);
  }

  /** Providers that rank differently per ticket (city, province, tags), so proposals do not queue on one row. */
  async function insertProviders(): Promise<void> {
    await ctx.sql(
      `INSERT INTO service_provider (id, name, kind, service_types, capacity, cities, province, tags, email, active, created_at, updated_at)
       SELECT gen_random_uuid(), '并发测试机构 ' || g, 'bank', '{finance}', $1,
              CASE WHEN g % 3 = 0 THEN '{合肥市}'::text[] ELSE '{}' END,
              CASE WHEN g % 5 = 0 THEN '山东省' ELSE '安徽省' END,
              CASE WHEN g % 2 = 0 THEN '{园区贷}'::text[] ELSE '{}' END,
              'bank' || g || '@example.cn', true, $2, $2
         FROM generate_series(1, $3::int) g`,
      [CAPACITY, START, PROVIDERS],
    );
  }

  it('never double-matches a ticket nor overfills a provider; 500 proposals and 500 escalations, each exactly once', async () => {
    const ticketIds = await insertTriagedTickets();
    await insertProviders();
    const events: DomainEvent<'ticket.accepted'>[] = ticketIds.map((ticketId) => ({
      id: randomUUID(),
      name: 'ticket.accepted',
      aggregateType: 'ticket',
      aggregateId: ticketId,
      zoneId,
      actorId: null,
      payload: { ticketId, zoneId, desk: 'finance', priority: 'normal', dueAt: null },
      occurredAt: START.toISOString(),
    }));
    // Each event once with its own id as job id, once more as a duplicate, interleaved.
    const jobs = events.flatMap((event) => [
      { name: event.name, data: event, opts: { jobId: event.id } },
      { name: event.name, data: event, opts: { jobId: `${event.id}-duplicate` } },
    ]);
    for (let i = jobs.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [jobs[i], jobs[j]] = [jobs[j], jobs[i]];
    }
    const queue = ctx.api.get<Queue>(getQueueToken('matching'));
    await queue.addBulk(jobs);

    const started = performance.now();
    // Not one attempt may fail: no deadlock, no constraint violation, no retry needed.
    const failedAttempts: string[] = [];
    (await ctx.startWorker()).get(MatchingProcessor).worker.on('failed', (_job, error) => failedAttempts.push(error.message));
    await ctx.waitFor(async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      return Object.values(counts).every((n) => n === 0);
    }, 50_000, 'every matching job processed');
    const seconds = (performance.now() - started) / 1000;
    console.info(`matching contention: ${jobs.length} jobs for ${TICKETS} tickets and ${PROVIDERS}×${CAPACITY} places in ${seconds.toFixed(1)} s`);

    expect(failedAttempts).toEqual([]);
    expect((await queue.getJobCounts('failed')).failed).toBe(0);
    const twoOpen = await ctx.sql(
      `SELECT ticket_id FROM ticket_match WHERE status IN ('proposed', 'accepted') GROUP BY ticket_id HAVING count(*) > 1`,
    );
    expect(twoOpen).toEqual([]);
    const badCounters = await ctx.sql(
      `SELECT p.id, p.active_matches, p.capacity, coalesce(m.open, 0) AS open
         FROM service_provider p
         LEFT JOIN (SELECT provider_id, count(*)::int AS open FROM ticket_match WHERE status IN ('proposed', 'accepted') GROUP BY provider_id) m
           ON m.provider_id = p.id
        WHERE p.active_matches > p.capacity OR p.active_matches <> coalesce(m.open, 0)`,
    );
    expect(badCounters).toEqual([]);

    const [outcome] = await ctx.sql(
      `SELECT count(*) FILTER (WHERE status = 'matching')::int AS matching,
              count(*) FILTER (WHERE status = 'triaged' AND matching_escalated_at IS NOT NULL)::int AS escalated,
              count(*) FILTER (WHERE status NOT IN ('matching', 'triaged') OR (status = 'triaged' AND matching_escalated_at IS NULL))::int AS other
         FROM ticket`,
    );
    expect(outcome).toEqual({ matching: 500, escalated: 500, other: 0 });
    const [rows] = await ctx.sql(
      `SELECT (SELECT count(*)::int FROM ticket_match) AS matches,
              (SELECT count(*)::int FROM ticket_match WHERE status = 'proposed') AS proposed,
              (SELECT count(*)::int FROM service_provider WHERE active_matches = capacity) AS full_providers,
              (SELECT count(*)::int FROM event WHERE name = 'ticket.match_proposed') AS proposed_events,
              (SELECT count(DISTINCT aggregate_id)::int FROM event WHERE name = 'ticket.match_proposed') AS proposed_tickets,
              (SELECT count(*)::int FROM event WHERE name = 'ticket.matching_exhausted') AS exhausted_events,
              (SELECT count(DISTINCT aggregate_id)::int FROM event WHERE name = 'ticket.matching_exhausted') AS exhausted_tickets`,
    );
    expect(rows).toEqual({
      matches: 500,
      proposed: 500,
      full_providers: PROVIDERS,
      proposed_events: 500,
      proposed_tickets: 500,
      exhausted_events: 500,
      exhausted_tickets: 500,
    });
  }, 60_000);
});
