import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { HttpClient } from '../intake/http';
import { Filer, login, Place, seed, StaffMember } from '../intake/seed';
import { BenchWorld } from '../intake/services';

/** Zones and providers are spread over these, so region fit takes all three values (city, province, elsewhere). */
const PLACES: Place[] = [
  { city: '合肥市', province: '安徽省' },
  { city: '芜湖市', province: '安徽省' },
  { city: '蚌埠市', province: '安徽省' },
  { city: '南京市', province: '江苏省' },
  { city: '苏州市', province: '江苏省' },
  { city: '杭州市', province: '浙江省' },
];
const TAGS = ['园区贷', '产业基金', '上市辅导', '跨境投资', '新闻发布', '直播推广', '技能培训', '党建共建', '知识产权', '人才招聘', '政策申报', '数字化转型'];
const KINDS = ['bank', 'fund', 'media', 'trainer', 'agency', 'expert'];
const LIST_SIZE = 200;

export interface Desk extends StaffMember {
  token: string;
}

export interface People {
  filers: Filer[];
  /** Desk staff, logged in: they accept the tickets of their desk. */
  staff: Desk[];
}

export interface RoutedTicket {
  id: string;
  desk: ServiceType;
}

/** A reproducible sequence (mulberry32): every run seeds the same providers and tags. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, from: readonly T[], count: number, first?: T): T[] {
  const out = new Set<T>(first === undefined ? [] : [first]);
  while (out.size < Math.min(count, from.length)) out.add(from[Math.floor(next() * from.length)]);
  return [...out];
}

/** Through the API, as intake does: zones over PLACES, zone managers, desk staff; then the staff log in. */
export async function seedPeople(http: HttpClient, world: BenchWorld, zones: number): Promise<People> {
  const seeded = await seed(http, world, zones, PLACES);
  const staff = await Promise.all(seeded.staff.map(async (s) => ({ ...s, token: await login(http, s.email) })));
  return { filers: seeded.filers, staff };
}

/**
 * Providers by direct INSERT: each serves its own type and up to two more, in its home
 * city and maybe others, with 2–4 tags and a few ratings, so that ranking compares real
 * differences. `capacity` places each; their load starts at 0.
 */
export async function insertProviders(db: Pool, count: number, capacity: number): Promise<void> {
  const next = random(42);
  const rows = Array.from({ length: count }, (_, i) => {
    const home = PLACES[i % PLACES.length];
    const ratings = Array.from({ length: Math.floor(next() * 8) }, () => 1 + Math.floor(next() * 5));
    return {
      id: randomUUID(),
      name: `压测服务机构 ${i}`,
      kind: KINDS[i % KINDS.length],
      serviceTypes: pick(next, SERVICE_TYPES, 1 + Math.floor(next() * 3), SERVICE_TYPES[i % SERVICE_TYPES.length]),
      capacity,
      cities: pick(next, PLACES.map((p) => p.city), 1 + Math.floor(next() * 3), home.city),
      province: home.province,
      tags: pick(next, TAGS, 2 + Math.floor(next() * 3)),
      email: `provider.${i}@bench.test`,
      ratingSum: ratings.reduce((a, b) => a + b, 0),
      ratingCount: ratings.length,
    };
  });
  await db.query(
    `INSERT INTO service_provider (id, name, kind, service_types, capacity, cities, province, tags, email, rating_sum, rating_count)
     SELECT id, name, kind, "serviceTypes", capacity, cities, province, tags, email, "ratingSum", "ratingCount"
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, name text, kind text, "serviceTypes" text[], capacity int, cities text[],
            province text, tags text[], email text, "ratingSum" int, "ratingCount" int)`,
    [JSON.stringify(rows)],
  );
}

/**
 * `count` tickets by direct INSERT, as routing leaves them (status `routed`, desk = type,
 * assignee a member of the desk; no SLA clock, no intake events), in demand lists whose
 * period is the phase's name, round-robin over the zones and types. `triaged` gives
 * tickets ready for a proposal (the raw loop's). Answers them in acceptance order.
 */
export async function insertTickets(db: Pool, people: People, period: string, count: number, status: 'routed' | 'triaged'): Promise<RoutedTicket[]> {
  const next = random(count);
  const now = new Date();
  const tickets: RoutedTicket[] = [];
  const workload = new Map<string, number>();
  for (let first = 0; first < count; first += LIST_SIZE) {
    const filer = people.filers[(first / LIST_SIZE) % people.filers.length];
    const list = { id: randomUUID(), zoneId: filer.zoneId, filedBy: filer.userId, itemCount: Math.min(LIST_SIZE, count - first) };
    const rows = Array.from({ length: list.itemCount }, (_, seq) => {
      const n = first + seq;
      const desk = SERVICE_TYPES[n % SERVICE_TYPES.length];
      const members = people.staff.filter((s) => s.desk === desk);
      const assigneeId = members[n % members.length].userId;
      workload.set(assigneeId, (workload.get(assigneeId) ?? 0) + 1);
      tickets.push({ id: randomUUID(), desk });
      return { id: tickets[n].id, seq: seq + 1, type: desk, title: `需求 ${period}-${n}`, tags: pick(next, TAGS, Math.floor(next() * 4)), assigneeId };
    });
    await db.query(
      `WITH list AS (
         INSERT INTO demand_list (id, zone_id, title, period, status, filed_by, item_count, created_at)
         VALUES ($2, $3, $4, $5, 'open', $6, $7, $8) RETURNING id, zone_id, created_at)
       INSERT INTO ticket (id, demand_list_id, zone_id, seq, type, title, tags, status, desk, assignee_id, version, created_at, routed_at, updated_at)
       SELECT x.id, list.id, list.zone_id, x.seq, x.type, x.title, x.tags, $9, x.type, x."assigneeId", 1, list.created_at, list.created_at, list.created_at
         FROM list, jsonb_to_recordset($1::jsonb) AS x(id uuid, seq int, type text, title text, tags text[], "assigneeId" uuid)`,
      [JSON.stringify(rows), list.id, list.zoneId, `压测需求清单 ${period} #${first / LIST_SIZE}`, period, list.filedBy, list.itemCount, now, status],
    );
  }
  await db.query(
    `INSERT INTO staff_workload (user_id, open_tickets) SELECT * FROM unnest($1::uuid[], $2::int[])
     ON CONFLICT (user_id) DO UPDATE SET open_tickets = staff_workload.open_tickets + excluded.open_tickets`,
    [[...workload.keys()], [...workload.values()]],
  );
  return tickets;
}
