import { Client } from 'pg';
import { appendEvents, newEvent } from '@enterpark/events';
import { currentTestRun, HttpResponse, TestContext } from '@enterpark/testing';

interface FeedItem {
  id: string;
  seq: number;
  type: string;
  aggregateType: string;
  aggregateId: string;
  zoneId: string | null;
  actorId: string | null;
  occurredAt: string;
  data: Record<string, unknown>;
}

/**
 * GET /events: every event once, in one order, to coordinators only. The order must hold
 * against late commits: an event whose transaction commits after a later-numbered one must
 * still be read, after the cursor the reader holds.
 */
describe('the event feed', () => {
  let ctx: TestContext;
  let coordinator: string;
  let manager: string;
  let zoneId: string;
  const others = {} as Record<'desk_staff' | 'zone_manager' | 'viewer', string>;

  beforeAll(async () => {
    ctx = await TestContext.create({ worker: false });
    coordinator = await ctx.coordinatorToken();
    zoneId = (await ctx.newZone({ name: '铜陵经开区', city: '铜陵市' })).id;
    manager = (await ctx.newUser('zone_manager', { zoneId })).token;
    others.zone_manager = manager;
    others.desk_staff = (await ctx.newUser('desk_staff', { desks: ['finance'] })).token;
    others.viewer = (await ctx.newUser('viewer')).token;
    for (let i = 0; i < 4; i++) await fileList(i + 1);
  });
  afterAll(() => ctx.close());

  async function fileList(items: number): Promise<string> {
    const res = await ctx.request('POST', '/api/v1/demand-lists', {
      token: manager,
      body: { title: `需求清单 ${items}`, items: Array.from({ length: items }, (_, i) => ({ type: 'finance', title: `融资需求 ${i + 1}` })) },
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const feed = (query: string, token = coordinator): Promise<HttpResponse<{ items: FeedItem[]; nextCursor: string; details?: unknown[] }>> =>
    ctx.request('GET', `/api/v1/events${query ? `?${query}` : ''}`, { token });

  /** Pages from `after` until a page comes back empty; returns everything read and where to resume. */
  async function drain(after: string | null, extra = '', limit = 3): Promise<{ items: FeedItem[]; cursor: string }> {
    const items: FeedItem[] = [];
    let cursor = after;
    for (let page = 0; page < 500; page++) {
      const res = await feed([cursor ? `after=${cursor}` : '', `limit=${limit}`, extra].filter(Boolean).join('&'));
      expect(res.status).toBe(200);
      expect(typeof res.body.nextCursor).toBe('string');
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      cursor = res.body.nextCursor;
      if (res.body.items.length === 0) return { items, cursor };
      items.push(...res.body.items);
    }
    throw new Error('too many pages');
  }

  /** The log as the feed must show it once every transaction has ended. */
  const logIds = async (names?: string[]) =>
    (await ctx.sql(`SELECT id FROM event WHERE ($1::text[] IS NULL OR name = ANY ($1::text[])) ORDER BY tx_id, seq`, [names ?? null])).map((r) => r.id);

  /** Drains until it has read `expected` ids (another test file's transaction can hold the horizon back a moment). */
  async function readAll(expected: number, extra = ''): Promise<{ items: FeedItem[]; cursor: string }> {
    let all: FeedItem[] = [];
    let cursor: string | null = null;
    await ctx.waitFor(async () => {
      const page = await drain(cursor, extra);
      all = [...all, ...page.items];
      cursor = page.cursor;
      return all.length >= expected;
    }, 10_000, `${expected} events`);
    return { items: all, cursor: cursor! };
  }

  it('pages through every event once, in (transaction, seq) order, from the beginning', async () => {
    const expected = await logIds();
    expect(expected).toHaveLength(4 + (1 + 2 + 3 + 4));
    const { items } = await readAll(expected.length);
    expect(items.map((e) => e.id)).toEqual(expected);
    const first = (await feed('limit=1')).body.items[0];
    expect(first).toEqual(items[0]);
    expect(first).toEqual({
      id: expect.any(String),
      seq: expect.any(Number),
      type: expect.stringMatching(/^(demand_list\.filed|ticket\.submitted)$/),
      aggregateType: expect.stringMatching(/^(demand_list|ticket)$/),
      aggregateId: expect.any(String),
      zoneId,
      actorId: expect.any(String),
      occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      data: expect.objectContaining({ zoneId }),
    });
  });

  it.each([
    ['one type', 'types=demand_list.filed', ['demand_list.filed']],
    ['a comma-separated list', 'types=demand_list.filed,ticket.submitted', ['demand_list.filed', 'ticket.submitted']],
    ['a repeated parameter', 'types=demand_list.filed&types=ticket.submitted', ['demand_list.filed', 'ticket.submitted']],
    ['a type with no events yet', 'types=ticket.closed', ['ticket.closed']],
  ])('filters by %s', async (_, query, names) => {
    const expected = await logIds(names);
    const { items } = await readAll(expected.length, query);
    expect(items.map((e) => e.id)).toEqual(expected);
    expect(items.every((e) => names.includes(e.type))).toBe(true);
  });

  it('always answers a cursor to resume from, also with nothing new, and then shows what comes next', async () => {
    const { cursor } = await readAll((await logIds()).length);
    const idle = await feed(`after=${cursor}`);
    expect(idle.body).toEqual({ items: [], nextCursor: expect.any(String) });
    const again = await feed(`after=${idle.body.nextCursor}`);
    expect(again.body.items).toEqual([]);
    const listId = await fileList(1);
    const next = await ctx.waitFor(async () => {
      const res = await feed(`after=${again.body.nextCursor}`);
      return res.body.items.length === 2 ? res.body.items : null;
    }, 10_000, 'the new list');
    expect(next.map((e) => e.type).sort()).toEqual(['demand_list.filed', 'ticket.submitted']);
    expect(next.find((e) => e.type === 'demand_list.filed')!.aggregateId).toBe(listId);
  });

  it('never skips an event whose transaction commits after a later one', async () => {
    const { items: seen, cursor: start } = await readAll((await logIds()).length);
    const late = new Client({ connectionString: ctx.config.databaseUrl });
    await late.connect();
    let cursor = start;
    const read: FeedItem[] = [];
    let lateId: string | undefined;
    let earlyId: string | undefined;
    const poll = async () => {
      const res = await feed(`after=${cursor}&limit=1000`);
      expect(res.status).toBe(200);
      read.push(...res.body.items);
      cursor = res.body.nextCursor;
      return res.body.items;
    };
    try {
      // A transaction takes the next seq for its event and stays open...
      await late.query('BEGIN');
      const [lateEvent] = (
        await late.query<{ id: string; seq: string }>(
          `INSERT INTO event (id, name, aggregate_type, aggregate_id, zone_id, actor_id, payload, occurred_at)
           VALUES (gen_random_uuid(), 'demand_list.filed', 'demand_list', gen_random_uuid(), $1, NULL, $2, now()) RETURNING id, seq`,
          [zoneId, { demandListId: 'late', zoneId, ticketIds: [] }],
        )
      ).rows;
      // ...while another one, with a higher seq, commits.
      const [early] = await ctx.dataSource.transaction((m) =>
        appendEvents(m, [newEvent('demand_list.filed', { aggregateType: 'demand_list', aggregateId: zoneId, zoneId, actorId: null, payload: { demandListId: 'early', zoneId, ticketIds: [] } })], ctx.clock.now()),
      );
      const [{ seq: earlySeq }] = await ctx.sql(`SELECT seq FROM event WHERE id = $1`, [early.id]);
      expect(BigInt(earlySeq)).toBeGreaterThan(BigInt(lateEvent.seq));
      [lateId, earlyId] = [lateEvent.id, early.id];

      // A seq cursor would hand out the committed event now and pass over the open one for good.
      // The feed holds the committed one back until the open transaction has ended.
      for (let i = 0; i < 3; i++) expect(await poll()).toEqual([]);

      await late.query('COMMIT');
      await ctx.waitFor(async () => (await poll(), read.length >= 2 ? true : null), 10_000, 'both events');
    } finally {
      await late.end();
    }
    // Both, the late-committed one first (its transaction began first), and nothing else.
    expect(read.map((e) => e.id)).toEqual([lateId, earlyId]);
    const everything = [...seen, ...read].map((e) => e.id);
    expect(everything).toEqual(await logIds());
    expect(new Set(everything).size).toBe(everything.length);
  });

  it('lets an event of a rolled-back transaction hold nothing back for good', async () => {
    const { cursor } = await readAll((await logIds()).length);
    const aborted = new Client({ connectionString: ctx.config.databaseUrl });
    await aborted.connect();
    try {
      await aborted.query('BEGIN');
      await aborted.query(
        `INSERT INTO event (id, name, aggregate_type, aggregate_id, zone_id, actor_id, payload, occurred_at)
         VALUES (gen_random_uuid(), 'demand_list.filed', 'demand_list', gen_random_uuid(), $1, NULL, '{}', now())`,
        [zoneId],
      );
      await fileList(1);
      expect((await feed(`after=${cursor}`)).body.items).toEqual([]);
      await aborted.query('ROLLBACK');
    } finally {
      await aborted.end();
    }
    const next = await ctx.waitFor(async () => {
      const res = await feed(`after=${cursor}`);
      return res.body.items.length === 2 ? res.body.items : null;
    }, 10_000, 'the committed list');
    expect(next.map((e) => e.type).sort()).toEqual(['demand_list.filed', 'ticket.submitted']);
  });

  it('is not held back by a long transaction in another database of the same server', async () => {
    const { cursor } = await readAll((await logIds()).length);
    const elsewhere = new Client({ connectionString: currentTestRun().adminUrl });
    await elsewhere.connect();
    try {
      await elsewhere.query('BEGIN');
      await elsewhere.query('SELECT pg_current_xact_id()'); // takes a transaction id, as any write would
      await fileList(1);
      const next = await ctx.waitFor(async () => {
        const res = await feed(`after=${cursor}`);
        return res.body.items.length === 2 ? res.body.items : null;
      }, 10_000, 'the list filed while the other database\'s transaction is open');
      expect(next.map((e) => e.type).sort()).toEqual(['demand_list.filed', 'ticket.submitted']);
    } finally {
      await elsewhere.query('ROLLBACK').catch(() => undefined);
      await elsewhere.end();
    }
  });

  it.each(['desk_staff', 'zone_manager', 'viewer'] as const)('answers 403 to %s', async (role) => {
    const res = await feed('', others[role]);
    expect(res.status).toBe(403);
    expect(res.body).not.toHaveProperty('items');
  });

  it('answers 401 without a token', async () => {
    expect((await ctx.request('GET', '/api/v1/events')).status).toBe(401);
  });

  const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    ['after', 'after=garbage'],
    ['after', 'after='],
    ['after', `after=${raw(['1', '-1'])}`],
    ['after', `after=${raw([1, 2])}`],
    ['after', `after=${raw(['2026-11-02T01:00:00.000Z', '00000000-0000-4000-8000-000000000001'])}`],
    ['after', `after=${raw(['18446744073709551616', '1'])}`],
    ['types', 'types=ticket.exploded'],
    ['types', 'types=demand_list.filed,nope'],
    ['types', 'types='],
    ['limit', 'limit=0'],
    ['limit', 'limit=1001'],
    ['limit', 'limit=abc'],
    ['limit', 'limit=2.5'],
    ['cursor', 'cursor=abc'],
  ])('answers 400 naming `%s` for %s', async (field, query) => {
    const res = await feed(query);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule: expect.any(String), message: expect.any(String) })]));
  });

  it('takes up to 1000 at once and 100 by default', async () => {
    for (let i = 0; i < 12; i++) await fileList(10); // 132 more events
    const total = (await logIds()).length;
    await readAll(total);
    expect((await feed('')).body.items).toHaveLength(100);
    expect((await feed('limit=1000')).body.items).toHaveLength(Math.min(total, 1000));
  });
});
