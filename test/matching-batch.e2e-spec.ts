import { ServiceType } from '@enterpark/common';
import { ProposeMatchService, ProposeOutcome } from '@enterpark/matching';
import { TestClock, TestContext } from '@enterpark/testing';

const START = new Date('2026-11-16T02:00:00Z');

/** Ids in a fixed order (ranking breaks ties by provider id; a batch takes its tickets in id order). */
const id = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Eight tickets: their zone (0: 合肥, 1: 芜湖), tags, and a provider (by index) that declined them before. */
const TICKETS: { zone: 0 | 1; tags: string[]; declined?: number }[] = [
  { zone: 0, tags: ['园区贷'] },
  { zone: 0, tags: [] },
  { zone: 1, tags: ['园区贷'], declined: 0 },
  { zone: 1, tags: ['产业基金'] },
  { zone: 0, tags: ['园区贷', '产业基金'] },
  { zone: 1, tags: [] },
  { zone: 0, tags: ['产业基金'], declined: 3 },
  { zone: 1, tags: ['园区贷'] },
];

/** Five providers of one place each: fewer places than tickets. */
const PROVIDERS: { cities: string[]; province: string; tags: string[]; ratingSum: number; ratingCount: number }[] = [
  { cities: ['合肥市'], province: '安徽省', tags: ['园区贷'], ratingSum: 0, ratingCount: 0 },
  { cities: ['芜湖市'], province: '安徽省', tags: ['产业基金'], ratingSum: 9, ratingCount: 2 },
  { cities: [], province: '安徽省', tags: ['园区贷', '产业基金'], ratingSum: 0, ratingCount: 0 },
  { cities: ['合肥市', '芜湖市'], province: '安徽省', tags: [], ratingSum: 4, ratingCount: 2 },
  { cities: [], province: '山东省', tags: ['园区贷'], ratingSum: 0, ratingCount: 0 },
];

interface Outcome {
  status: string;
  escalated: boolean;
  provider: number | null;
  reasons: Record<string, number> | null;
  exhausted: Record<string, unknown> | null;
}

/**
 * Proposing in batches: eight accepted tickets compete for five single-place providers.
 * The same world is built twice (finance and training, ids in the same order): one copy is
 * proposed as one batch, the other ticket by ticket in id order on the one-ticket path.
 * Both must end alike, no provider may get two tickets, and a redelivered batch changes nothing.
 */
describe('proposing matches in batches', () => {
  let ctx: TestContext;
  let propose: ProposeMatchService;
  let zones: string[];

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false, clock: new TestClock(START) });
    zones = [(await ctx.newZone({ name: '合肥经开区', city: '合肥市' })).id, (await ctx.newZone({ name: '芜湖经开区', city: '芜湖市' })).id];
    propose = (await ctx.startWorker()).get(ProposeMatchService);
  });
  afterAll(() => ctx.close());

  /** The world for one type; answers its ticket ids in id order. */
  async function build(type: ServiceType, ticketPrefix: string, providerPrefix: string): Promise<string[]> {
    const providerIds = PROVIDERS.map((_, i) => id(providerPrefix, i));
    for (const [i, p] of PROVIDERS.entries()) {
      await ctx.sql(
        `INSERT INTO service_provider (id, name, kind, service_types, capacity, cities, province, tags, email, active, rating_sum, rating_count, created_at, updated_at)
         VALUES ($1, $2, 'bank', $3, 1, $4, $5, $6, $7, true, $8, $9, $10, $10)`,
        [providerIds[i], `${type} 机构 ${i}`, [type], p.cities, p.province, p.tags, `${type}-${i}@example.cn`, p.ratingSum, p.ratingCount, START],
      );
    }
    const { user } = await ctx.newUser('zone_manager', { zoneId: zones[0] });
    const [list] = await ctx.sql<{ id: string }>(
      `INSERT INTO demand_list (id, zone_id, title, filed_by, item_count, created_at) VALUES (gen_random_uuid(), $1, '批量匹配测试清单', $2, $3, $4) RETURNING id`,
      [zones[0], user.id, TICKETS.length, START],
    );
    const ticketIds = TICKETS.map((_, i) => id(ticketPrefix, i));
    for (const [i, t] of TICKETS.entries()) {
      await ctx.sql(
        `INSERT INTO ticket (id, demand_list_id, zone_id, seq, type, title, tags, status, desk, version, created_at, routed_at, updated_at,
                             priority, accepted_at, sla_stage, sla_started_at, sla_due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'triaged', $5, 3, $8, $8, $8, 'normal', $8, 'matching', $8, $9)`,
        [ticketIds[i], list.id, zones[t.zone], i + 1, type, `需求 ${i}`, t.tags, START, new Date('2026-11-23T16:00:00Z')],
      );
      if (t.declined === undefined) continue;
      await ctx.sql(
        `INSERT INTO ticket_match (id, ticket_id, provider_id, status, origin, reasons, proposed_at, expires_at, answered_at, answered_via, decline_reason)
         VALUES (gen_random_uuid(), $1, $2, 'declined', 'ranked', '{}', $3, $3, $3, 'staff', '本期无法承接')`,
        [ticketIds[i], providerIds[t.declined], START],
      );
    }
    return ticketIds;
  }

  /** Each ticket's end state, providers named by their index so the two worlds compare. */
  async function outcomes(ticketIds: string[]): Promise<Outcome[]> {
    return Promise.all(
      ticketIds.map(async (ticketId) => {
        const [t] = await ctx.sql(`SELECT status, matching_escalated_at FROM ticket WHERE id = $1`, [ticketId]);
        const [m] = await ctx.sql(`SELECT provider_id, reasons FROM ticket_match WHERE ticket_id = $1 AND status = 'proposed'`, [ticketId]);
        const [e] = await ctx.sql(`SELECT payload FROM event WHERE aggregate_id = $1 AND name = 'ticket.matching_exhausted'`, [ticketId]);
        return {
          status: t.status,
          escalated: t.matching_escalated_at !== null,
          provider: m ? Number(m.provider_id.slice(-12)) : null,
          reasons: m?.reasons ?? null,
          exhausted: e ? { declined: e.payload.declined, expired: e.payload.expired } : null,
        };
      }),
    );
  }

  const snapshot = () =>
    ctx.sql(
      `SELECT (SELECT count(*)::int FROM ticket_match) AS matches,
              (SELECT count(*)::int FROM event) AS events,
              (SELECT sum(version)::int FROM ticket) AS versions,
              (SELECT sum(active_matches)::int FROM service_provider) AS active`,
    );

  it('gives each provider at most one ticket and ends every ticket as the one-ticket path does; a redelivery changes nothing', async () => {
    const batched = await build('finance', 'f0000000', 'fa000000');
    const single = await build('training', 'e0000000', 'ea000000');

    // Shuffled and with a duplicate: the batch takes its tickets in id order all the same.
    const result = await propose.proposeMany([batched[5], ...batched.slice().reverse(), batched[2]]);
    const oneByOne = new Map<string, ProposeOutcome>();
    for (const ticketId of single) oneByOne.set(ticketId, await propose.propose(ticketId));

    expect(batched.map((t) => result.get(t))).toEqual(single.map((t) => oneByOne.get(t)));
    expect([...result.values()].filter((o) => o === 'proposed')).toHaveLength(PROVIDERS.length);
    expect([...result.values()].filter((o) => o === 'escalated')).toHaveLength(TICKETS.length - PROVIDERS.length);
    const ended = await outcomes(batched);
    expect(ended).toEqual(await outcomes(single));
    // Region, then tags decide; ticket 2 is not offered provider 0 again (it declined), ticket 6 escalates with its decline counted.
    expect(ended.map((o) => o.provider)).toEqual([0, 3, 1, 2, 4, null, null, null]);
    expect(ended[6].exhausted).toEqual({ declined: 1, expired: 0 });

    // The batch wrote every ticket in one transaction (it settled them all itself, no fallback).
    const writers = (ids: string[]) => ctx.sql(`SELECT count(DISTINCT xmin::text)::int AS n FROM ticket WHERE id = ANY ($1::uuid[])`, [ids]);
    expect(await writers(batched)).toEqual([{ n: 1 }]);
    expect(await writers(single)).toEqual([{ n: TICKETS.length }]);

    const overbooked = await ctx.sql(
      `SELECT p.id FROM service_provider p LEFT JOIN ticket_match m ON m.provider_id = p.id AND m.status IN ('proposed', 'accepted')
        GROUP BY p.id, p.active_matches, p.capacity HAVING count(m.id) > 1 OR count(m.id) <> p.active_matches OR p.active_matches > p.capacity`,
    );
    expect(overbooked).toEqual([]);
    const [events] = await ctx.sql(
      `SELECT count(*) FILTER (WHERE name = 'ticket.match_proposed')::int AS proposed, count(*) FILTER (WHERE name = 'ticket.matching_exhausted')::int AS exhausted
         FROM event WHERE aggregate_id = ANY ($1::uuid[])`,
      [batched],
    );
    expect(events).toEqual({ proposed: PROVIDERS.length, exhausted: TICKETS.length - PROVIDERS.length });

    const before = await snapshot();
    const again = await propose.proposeMany(batched);
    expect([...again.values()]).toEqual(batched.map(() => 'unchanged'));
    expect(await snapshot()).toEqual(before);
  }, 60_000);
});
