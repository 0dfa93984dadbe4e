import { Pool } from 'pg';
import { IsoWeek, isoWeekOf, nextWeek, SERVICE_TYPES } from '@enterpark/common';
import { DOCUMENT_COUNT_TERM, Segmenter } from '@enterpark/similarity';
import { DigestBenchConfig } from './config';

const PLACES = [
  ['合肥市', '安徽省'],
  ['芜湖市', '安徽省'],
  ['蚌埠市', '安徽省'],
  ['安庆市', '安徽省'],
  ['马鞍山市', '安徽省'],
  ['滁州市', '安徽省'],
];
/** Nobody logs in as a seeded user: any well-formed argon2 string will do. */
const UNUSABLE_HASH = '$argon2id$v=19$m=65536,t=3,p=4$YmVuY2hiZW5jaGJlbmNo$unusableunusableunusableunusableunusable00';
const LIST_SIZE = 20;
const WEEKS_OF_HISTORY = 26;

export interface SeedCounts {
  zones: number;
  users: number;
  lists: number;
  tickets: number;
  ticketsTouchedInWeek: number;
  seconds: number;
}

const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]`;

/**
 * A province's half year, written with set-based SQL (a million rows by VALUES would take
 * minutes): zones with one manager each, desk staff spread over the six desks, coordinators
 * and viewers, providers, and demand lists of 20 tickets filed evenly over the 26 weeks up
 * to the end of `week`. Each ticket walks the lifecycle on random stage lengths
 * and stops wherever "now" (the week's end) finds it, so every status, SLA breach, open
 * proposal and completion summary the digest reads is present in realistic proportions.
 */
export interface Admin {
  email: string;
  passwordHash: string;
}

export async function seedProvince(db: Pool, config: DigestBenchConfig, admin: Admin, week: IsoWeek, log: (m: string) => void): Promise<SeedCounts> {
  const started = Date.now();
  // Tickets stop where the real clock will find them when the run's deadline is up, so no SLA
  // deadline, escalation or proposal expiry falls due while the digests are timed: the worker's
  // timers send no reminders alongside them.
  const now = new Date(Math.max(Date.now() + config.deadlineSeconds * 1000, week.endsAt.getTime())).toISOString();
  const since = new Date(week.endsAt.getTime() - WEEKS_OF_HISTORY * 7 * 86_400_000).toISOString();
  await db.query(`SELECT setseed(0.42)`);
  await db.query(
    `INSERT INTO zone (id, code, name, level, city, province, created_at)
     SELECT gen_random_uuid(), 'bench-zone-' || i, '压测开发区' || i, (ARRAY['national', 'provincial', 'cultivating'])[1 + i % 3],
            (${sqlArray(PLACES.map((p) => p[0]))})[1 + i % 6], (${sqlArray(PLACES.map((p) => p[1]))})[1 + i % 6], $1
       FROM generate_series(0, $2 - 1) i`,
    [since, config.zones],
  );
  await db.query(
    `INSERT INTO app_user (id, email, name, password_hash, role, zone_id, created_at)
     SELECT gen_random_uuid(), 'manager.' || z.code || '@bench.test', z.name || '负责人', $1, 'zone_manager', z.id, $2 FROM zone z`,
    [UNUSABLE_HASH, since],
  );
  // The coordinator the benchmark signs in as (the service bootstraps none once coordinators exist).
  await db.query(`INSERT INTO app_user (id, email, name, password_hash, role, created_at) VALUES (gen_random_uuid(), $1, '压测协调员', $2, 'coordinator', $3)`, [
    admin.email,
    admin.passwordHash,
    since,
  ]);
  const others = config.recipients - config.zones - 1;
  const staff = Math.round(others * 0.8);
  const leaders = others - staff;
  await db.query(
    `INSERT INTO app_user (id, email, name, password_hash, role, zone_id, created_at)
     SELECT gen_random_uuid(), role || '.' || i || '@bench.test', '压测' || i, $1, role, NULL, $2
       FROM (SELECT i, CASE WHEN i < $3::int THEN 'desk_staff' WHEN i < $3::int + ($4::int / 3) THEN 'coordinator' ELSE 'viewer' END AS role
               FROM generate_series(0, $3::int + $4::int - 1) i) u`,
    [UNUSABLE_HASH, since, staff, leaders],
  );
  // Each member serves one desk, every third a second one: desks of about 70 to 90 people.
  await db.query(
    `CREATE TEMP TABLE bench_staff AS
       SELECT id, (row_number() OVER (ORDER BY email) - 1)::int AS n FROM app_user WHERE role = 'desk_staff'`,
  );
  await db.query(
    `INSERT INTO desk_member (desk, user_id)
     SELECT (${sqlArray(SERVICE_TYPES)})[1 + n % 6], id FROM bench_staff
     UNION ALL
     SELECT (${sqlArray(SERVICE_TYPES)})[1 + (n + 1) % 6], id FROM bench_staff WHERE n % 3 = 0`,
  );
  await db.query(
    `CREATE TEMP TABLE bench_desk AS
       SELECT desk, user_id, (row_number() OVER (PARTITION BY desk ORDER BY user_id) - 1)::int AS slot,
              count(*) OVER (PARTITION BY desk)::int AS size
         FROM desk_member`,
  );
  await db.query(
    `INSERT INTO service_provider (id, name, kind, service_types, capacity, cities, province, tags, email, created_at)
     SELECT gen_random_uuid(), '压测服务机构' || i, 'agency', ARRAY[(${sqlArray(SERVICE_TYPES)})[1 + i % 6]], 10000,
            ARRAY[(${sqlArray(PLACES.map((p) => p[0]))})[1 + i % 6]], '安徽省', '{}', 'provider.' || i || '@bench.test', $1
       FROM generate_series(0, $2 - 1) i`,
    [since, config.providers],
  );
  await db.query(
    `CREATE TEMP TABLE bench_provider AS
       SELECT id, service_types[1] AS type, (row_number() OVER (PARTITION BY service_types[1] ORDER BY id) - 1)::int AS slot,
              count(*) OVER (PARTITION BY service_types[1])::int AS size
         FROM service_provider`,
  );
  const lists = Math.ceil(config.tickets / LIST_SIZE);
  await db.query(
    `INSERT INTO demand_list (id, zone_id, title, period, status, filed_by, item_count, created_at)
     SELECT gen_random_uuid(), z.id, '压测需求清单 ' || i, '2026', 'open', m.id, $1, $2::timestamptz - random() * interval '${WEEKS_OF_HISTORY * 7} days'
       FROM generate_series(0, $3 - 1) i
       JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM zone) z ON z.n = i % $4
       JOIN app_user m ON m.zone_id = z.id`,
    [LIST_SIZE, now, lists, config.zones],
  );
  await db.query(`CREATE TEMP TABLE bench_list AS SELECT id, zone_id, created_at, (row_number() OVER (ORDER BY id) - 1)::int AS n FROM demand_list`);
  const chunk = 2_500; // lists per statement: 50,000 tickets
  await withoutSecondaryIndexes(db, ['ticket', 'ticket_summary', 'ticket_terms'], async () => {
    for (let first = 0; first < lists; first += chunk) {
      await insertTickets(db, now, first, Math.min(first + chunk, lists));
      if ((first / chunk) % 4 === 3) log(`seed: ${Math.min(first + chunk, lists) * LIST_SIZE} tickets`);
    }
    await finishLifecycle(db, now);
    await indexForSimilarity(db);
  });
  // As if the service had run all along: this week and every week since, up to the current
  // one, count as planned, so the worker's boot-time catch-up plans nothing (a later week's
  // 3,000 digests would otherwise be composed and sent alongside the timed ones) and the
  // timed POST /digests/runs does it all.
  await db.query(`INSERT INTO digest_week (week, recipients) SELECT unnest($1::text[]), 0`, [weeksSince(week, new Date())]);
  await db.query(`ANALYZE`);
  const [row] = (
    await db.query(
      `SELECT (SELECT count(*)::int FROM zone) AS zones, (SELECT count(*)::int FROM app_user) AS users,
              (SELECT count(*)::int FROM demand_list) AS lists, (SELECT count(*)::int FROM ticket) AS tickets,
              (SELECT count(*)::int FROM ticket WHERE updated_at >= $1 AND updated_at < $2) AS "ticketsTouchedInWeek"`,
      [week.startsAt, week.endsAt],
    )
  ).rows;
  return { ...row, seconds: (Date.now() - started) / 1000 };
}

/**
 * Bulk loads run several times faster into bare tables: the secondary indexes (the
 * migration's own definitions, read back from pg_indexes) are dropped for the load and
 * built again in one pass each afterwards. Constraint-backed indexes stay.
 */
export async function withoutSecondaryIndexes(db: Pick<Pool, 'query'>, tables: string[], load: () => Promise<void>): Promise<void> {
  const { rows } = await db.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  for (const index of rows) await db.query(`DROP INDEX "${index.name}"`);
  await load();
  for (const index of rows) await db.query(index.definition);
}

/**
 * Stage lengths are drawn per ticket; a stage is reached when its time is before "now".
 * 3 % are rejected at triage, 2 % cancelled before a match, 3 % wait on the zone (needs info).
 */
async function insertTickets(db: Pool, now: string, fromList: number, toList: number): Promise<void> {
  await db.query(
    `WITH drawn AS (
       SELECT l.id AS list_id, l.zone_id, s AS seq, l.created_at AS filed, 1 + floor(random() * 6)::int AS t,
              random() AS fate, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
         FROM bench_list l CROSS JOIN generate_series(1, ${LIST_SIZE}) s
        WHERE l.n >= $2 AND l.n < $3),
     timed AS (
       SELECT *, filed + interval '1 minute' AS routed,
              filed + interval '1 minute' + r1 * interval '4 days' AS accepted,
              filed + interval '1 hour' + r1 * interval '4 days' + r2 * interval '6 days' AS matched,
              filed + interval '1 day' + r1 * interval '4 days' + r2 * interval '6 days' + r3 * interval '5 days' AS active,
              filed + interval '4 days' + r1 * interval '4 days' + r2 * interval '6 days' + r3 * interval '5 days' + r4 * interval '25 days' AS done,
              filed + interval '5 days' + r1 * interval '4 days' + r2 * interval '6 days' + r3 * interval '5 days' + r4 * interval '25 days' + r5 * interval '7 days' AS closed
         FROM drawn),
     staged AS (
       SELECT *, (${sqlArray(SERVICE_TYPES)})[t] AS type,
              CASE WHEN routed > $1 THEN 0 WHEN accepted > $1 THEN 1 WHEN matched > $1 THEN 2 WHEN active > $1 THEN 3
                   WHEN done > $1 THEN 4 WHEN closed > $1 THEN 5 ELSE 6 END AS stage
         FROM timed),
     fated AS (
       SELECT *, CASE
           WHEN fate < 0.03 AND stage >= 2 THEN 'rejected'
           WHEN fate < 0.05 AND stage >= 1 AND stage <= 2 THEN 'cancelled'
           WHEN fate < 0.08 AND stage = 2 THEN 'needs_info'
           ELSE (ARRAY['submitted', 'routed', 'matching', 'matched', 'in_service', 'completed', 'closed'])[stage + 1] END AS status
         FROM staged)
     INSERT INTO ticket (id, demand_list_id, zone_id, seq, type, title, tags, status, desk, assignee_id, version, created_at, routed_at, updated_at,
                         priority, accepted_at, matched_at, first_activity_at, completed_at, closed_at, provider_id, outcome, rating,
                         activity_count, sla_stage, sla_started_at, sla_due_at)
     SELECT gen_random_uuid(), f.list_id, f.zone_id, f.seq, f.type, '压测需求 ' || f.type || ' ' || f.seq, '{}', f.status,
            CASE WHEN f.stage >= 1 THEN f.type END, CASE WHEN f.stage >= 1 THEN d.user_id END, 1, f.filed,
            CASE WHEN f.stage >= 1 THEN f.routed END,
            CASE f.status WHEN 'rejected' THEN f.accepted WHEN 'cancelled' THEN f.routed
                 ELSE (ARRAY[f.filed, f.routed, f.accepted, f.matched, f.active, f.done, f.closed])[f.stage + 1] END,
            CASE WHEN f.stage >= 2 AND f.status NOT IN ('rejected', 'cancelled') THEN 'normal' END,
            CASE WHEN f.stage >= 2 AND f.status NOT IN ('rejected', 'cancelled', 'needs_info') THEN f.accepted END,
            CASE WHEN f.stage >= 3 AND f.status NOT IN ('rejected', 'cancelled') THEN f.matched END,
            CASE WHEN f.stage >= 4 AND f.status NOT IN ('rejected', 'cancelled') THEN f.active END,
            CASE WHEN f.stage >= 5 AND f.status NOT IN ('rejected', 'cancelled') THEN f.done END,
            CASE WHEN f.status = 'closed' THEN f.closed WHEN f.status = 'rejected' THEN f.accepted WHEN f.status = 'cancelled' THEN f.routed END,
            CASE WHEN f.stage >= 3 AND f.status NOT IN ('rejected', 'cancelled') THEN p.id END,
            CASE WHEN f.stage >= 5 AND f.status NOT IN ('rejected', 'cancelled') THEN '服务完成，企业问题已解决' END,
            CASE WHEN f.status = 'closed' THEN 3 + floor(f.r5 * 3)::int END,
            CASE WHEN f.stage >= 4 AND f.status NOT IN ('rejected', 'cancelled') THEN 1 + floor(f.r4 * 4)::int ELSE 0 END,
            CASE WHEN f.status = 'routed' THEN 'triage' WHEN f.status = 'matching' THEN 'matching' WHEN f.status IN ('matched', 'in_service') THEN 'service' END,
            CASE WHEN f.status = 'routed' THEN f.routed WHEN f.status = 'matching' THEN f.accepted WHEN f.status IN ('matched', 'in_service') THEN f.matched END,
            CASE WHEN f.status = 'routed' THEN f.routed + interval '2 days' WHEN f.status = 'matching' THEN f.accepted + interval '5 days'
                 WHEN f.status IN ('matched', 'in_service') THEN f.matched + interval '20 days' END
       FROM fated f
       JOIN bench_desk d ON d.desk = f.type AND d.slot = floor(f.r3 * d.size)::int
       JOIN bench_provider p ON p.type = f.type AND p.slot = floor(f.r2 * p.size)::int`,
    [now, fromList, toList],
  );
}

/**
 * The similar-ticket index intake would have written: without it the worker's start-up
 * backfill would segment and index the million tickets while the digests are timed.
 * The seeded titles are a few hundred distinct texts, segmented here by the service's own
 * segmenter; the term counts are then taken over every ticket in one statement.
 */
async function indexForSimilarity(db: Pool): Promise<void> {
  const segmenter = Segmenter.shared();
  const docs = SERVICE_TYPES.flatMap((type) =>
    Array.from({ length: LIST_SIZE }, (_, i) => {
      const title = `压测需求 ${type} ${i + 1}`;
      return { title, ...segmenter.document({ title, description: null, tags: [] }) };
    }),
  );
  await db.query(
    `INSERT INTO ticket_terms (ticket_id, terms, title_terms)
     SELECT t.id, string_to_array(d.terms, ' '), d.title_terms
       FROM ticket t JOIN unnest($1::text[], $2::text[], $3::int[]) AS d(title, terms, title_terms) ON d.title = t.title`,
    [docs.map((d) => d.title), docs.map((d) => d.terms.join(' ')), docs.map((d) => d.titleTerms)],
  );
  await db.query(
    `INSERT INTO term_df (term, shard, df)
     SELECT term, 0, count(*) FROM ticket_terms, unnest(terms) AS term GROUP BY term
     UNION ALL SELECT $1, 0, count(*) FROM ticket_terms`,
    [DOCUMENT_COUNT_TERM],
  );
}

/**
 * What the lifecycle would have left around the tickets: breaches, open proposals (still in
 * their window: an expired one would make the timers propose again and mail providers while
 * the digests are timed), summaries, workloads.
 */
async function finishLifecycle(db: Pool, now: string): Promise<void> {
  await db.query(
    `UPDATE ticket SET sla_breached_at = sla_due_at, sla_breaches = 1, sla_escalate_at = sla_due_at + interval '1 day',
                       sla_escalated_at = CASE WHEN sla_due_at + interval '1 day' <= $1 THEN sla_due_at + interval '1 day' END
      WHERE sla_due_at <= $1`,
    [now],
  );
  await db.query(
    `INSERT INTO ticket_match (id, ticket_id, provider_id, status, origin, proposed_at, expires_at)
     SELECT gen_random_uuid(), t.id, p.id, 'proposed', 'ranked', t.updated_at, $1::timestamptz + interval '2 days'
       FROM ticket t JOIN bench_provider p ON p.type = t.type AND p.slot = abs(hashtext(t.id::text)) % p.size
      WHERE t.status = 'matching'`,
    [now],
  );
  await db.query(
    `INSERT INTO ticket_summary (ticket_id, kind, round, summary, created_at)
     SELECT t.id, k.kind, 1, jsonb_build_object(
              'ticketId', t.id, 'demandListId', t.demand_list_id, 'type', t.type, 'title', t.title, 'desk', t.desk, 'round', 1,
              'zone', jsonb_build_object('id', z.id, 'name', z.name),
              'durations', jsonb_build_object(
                 'toMatch', jsonb_build_object('workingDays', round((extract(epoch FROM t.matched_at - t.created_at) / 86400 * 5 / 7)::numeric, 2), 'hours', round((extract(epoch FROM t.matched_at - t.created_at) / 3600)::numeric, 1)),
                 'toComplete', jsonb_build_object('workingDays', round((extract(epoch FROM t.completed_at - t.created_at) / 86400 * 5 / 7)::numeric, 2), 'hours', round((extract(epoch FROM t.completed_at - t.created_at) / 3600)::numeric, 1))),
              'outcome', t.outcome, 'rating', CASE WHEN k.kind = 'closed' THEN t.rating END, 'slaBreached', t.sla_breaches > 0, 'slaBreaches', t.sla_breaches),
            CASE WHEN k.kind = 'closed' THEN t.closed_at ELSE t.completed_at END
       FROM ticket t JOIN zone z ON z.id = t.zone_id
       JOIN (VALUES ('completed'), ('closed')) k(kind) ON k.kind = 'completed' OR t.status = 'closed'
      WHERE t.status IN ('completed', 'closed')`,
  );
  await db.query(
    `INSERT INTO staff_workload (user_id, open_tickets)
     SELECT assignee_id, count(*) FROM ticket WHERE assignee_id IS NOT NULL AND status NOT IN ('closed', 'rejected', 'cancelled') GROUP BY assignee_id`,
  );
}

/** `week`, then every week after it up to the one `now` falls in. */
function weeksSince(week: IsoWeek, now: Date): string[] {
  const current = isoWeekOf(now).id;
  const ids = [week.id];
  // "YYYY-Www" ids compare like the weeks they name.
  for (let w = nextWeek(week); w.id <= current; w = nextWeek(w)) ids.push(w.id);
  return ids;
}
