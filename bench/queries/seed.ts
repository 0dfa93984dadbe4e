import { writeFile, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as argon2 from 'argon2';
import { Client, Pool } from 'pg';
import { lastFinishedWeek } from '@enterpark/common';
import { runMigrations } from '@enterpark/database';
import { Segmenter } from '@enterpark/similarity';
import { databaseUrl, withAdmin } from '../../libs/testing/src/test-infrastructure';
import { TUNING } from '../../test/fixtures/similar-demands';
import { fillTermPostings } from '../../libs/database/src/migrations/1765500000000-ticket-term-postings';
import { seedProvince, withoutSecondaryIndexes } from '../digest/seed';
import { DemandGenerator } from '../similar/generate';
import { QueriesBenchConfig } from './config';

/** The seed's users sign in with this password (the seed lives in a bench database of its own). */
export const SEED_PASSWORD = 'Bench-Queries-Passw0rd!';
const CHUNK = 50_000;
/**
 * 2: tables in filing order (CLUSTER), as a service that files tickets over time has them; 3: term_df counted;
 * 4: word postings vacuumed (their migration fills them on a seed of before).
 */
const SEED_VERSION = 4;

/** Who the bench signs in as, chosen once when seeding. */
export interface SeededRoles {
  coordinatorEmail: string;
  clerkEmail: string;
  managerEmail: string;
}

export interface SeedInfo extends SeededRoles {
  databaseUrl: string;
  tickets: number;
  reused: boolean;
  seedSeconds: number;
}

/**
 * The 1,000,000-ticket database, seeded once into a dedicated database and reused by later
 * runs (pending migrations are applied to it, so a new index is built on the existing rows).
 * The digest bench's province seeder writes the tickets; their text is then replaced by
 * generated demands (bench/similar's generator, of the ticket's type), segmented by the
 * service's own Segmenter into `ticket_terms`, loaded with COPY from a file.
 */
export async function ensureSeed(config: QueriesBenchConfig, log: (m: string) => void): Promise<SeedInfo> {
  const url = databaseUrl(config.adminUrl, config.database);
  const exists = await withAdmin(config.adminUrl, async (c) => (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [config.database])).rowCount === 1);
  if (exists && !config.reseed) {
    const info = await readSeedInfo(url);
    if (info && info.tickets === config.tickets) {
      log(`reusing the seeded database ${config.database} (${info.tickets} tickets, seeded in ${info.seedSeconds.toFixed(0)} s); BENCH_RESEED=true seeds it afresh`);
      const started = Date.now();
      await runMigrations(url);
      if (info.version < SEED_VERSION) await upgradeSeed(url, log);
      log(`migrations up to date (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      return { ...info, databaseUrl: url, reused: true };
    }
    log(`database ${config.database} holds no complete seed of ${config.tickets} tickets: seeding it afresh`);
  }
  await withAdmin(config.adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${config.database}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${config.database}"`);
  });
  await runMigrations(url);
  const started = Date.now();
  const db = new Pool({ connectionString: url, max: 2, application_name: 'bench-queries-seed' });
  try {
    const hash = await argon2.hash(SEED_PASSWORD, { type: argon2.argon2id });
    const coordinatorEmail = 'coordinator@bench-queries.test';
    const week = lastFinishedWeek(new Date());
    log(`seeding ${config.tickets} tickets into ${config.database} (the digest bench's seeder)`);
    await seedProvince(db, { ...config, week: week.id, sendConcurrency: 1, deadlineSeconds: 0, targetSeconds: 0, targetComposeP99Ms: 0 }, { email: coordinatorEmail, passwordHash: hash }, week, log);
    await seedText(db, log);
    await orderAsFiled(db, log);
    await countTerms(db, log);
    await postTerms(db, log);
    const roles = await chooseRoles(db, coordinatorEmail, hash);
    const seedSeconds = (Date.now() - started) / 1000;
    await db.query(`CREATE TABLE bench_seed (tickets int NOT NULL, seed_seconds numeric NOT NULL, roles jsonb NOT NULL, version int NOT NULL, seeded_at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`INSERT INTO bench_seed (tickets, seed_seconds, roles, version) VALUES ($1, $2, $3, $4)`, [config.tickets, seedSeconds, JSON.stringify(roles), SEED_VERSION]);
    log(`seeded ${config.database} in ${seedSeconds.toFixed(0)} s`);
    return { ...roles, databaseUrl: url, tickets: config.tickets, reused: false, seedSeconds };
  } finally {
    await db.end();
  }
}

async function readSeedInfo(url: string): Promise<(Omit<SeedInfo, 'databaseUrl' | 'reused'> & { version: number }) | null> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`ALTER TABLE IF EXISTS bench_seed ADD COLUMN IF NOT EXISTS version int NOT NULL DEFAULT 1`);
    const { rows } = await client.query(`SELECT tickets, seed_seconds::float AS "seedSeconds", roles, version FROM bench_seed`).catch(() => ({ rows: [] as any[] }));
    return rows.length ? { tickets: rows[0].tickets, seedSeconds: rows[0].seedSeconds, version: rows[0].version, ...rows[0].roles } : null;
  } finally {
    await client.end();
  }
}

async function upgradeSeed(url: string, log: (m: string) => void): Promise<void> {
  const db = new Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await db.query(`SELECT version FROM bench_seed`);
    if (rows[0].version < 2) await orderAsFiled(db, log);
    if (rows[0].version < 3) await countTerms(db, log);
    // Index-only walks of the postings need the visibility map that a vacuum sets (autovacuum would, in time).
    await db.query(`VACUUM ANALYZE ticket_term_posting`);
    await db.query(`UPDATE bench_seed SET version = $1`, [SEED_VERSION]);
  } finally {
    await db.end();
  }
}

/**
 * The seeder writes tickets list by list with random filing times, then rewrites them all; a
 * running service appends them as they are filed. Tables in filing order (as the service's
 * are) make "newest first" walk neighbouring pages, as it does in production.
 */
async function orderAsFiled(db: Pool, log: (m: string) => void): Promise<void> {
  log('seed: putting ticket and ticket_terms in filing order (CLUSTER)');
  await db.query(`SET maintenance_work_mem = '512MB'`);
  await db.query(`CLUSTER ticket USING ticket_created_filters_idx`);
  await withoutSecondaryIndexes(db, ['ticket_terms'], async () => {
    await db.query(`CREATE TEMP TABLE bench_terms AS SELECT tt.* FROM ticket_terms tt JOIN ticket t ON t.id = tt.ticket_id ORDER BY t.created_at DESC, t.id DESC`);
    await db.query(`TRUNCATE ticket_terms`);
    await db.query(`INSERT INTO ticket_terms SELECT * FROM bench_terms`);
    await db.query(`DROP TABLE bench_terms`);
  });
  await db.query(`VACUUM ANALYZE ticket`);
  await db.query(`VACUUM ANALYZE ticket_terms`);
}

/** The similarity index's document counts, as intake keeps them (one shard holds them all here). */
async function countTerms(db: Pool, log: (m: string) => void): Promise<void> {
  log('seed: counting terms (term_df)');
  await db.query(`TRUNCATE term_df`);
  await db.query(
    `INSERT INTO term_df (term, shard, df)
     SELECT term, 0, count(*) FROM ticket_terms, unnest(terms) AS term GROUP BY term
     UNION ALL SELECT '', 0, count(*) FROM ticket_terms`,
  );
  await db.query(`ANALYZE term_df`);
}

/** The word postings their migration would have written (the seed writes ticket_terms after the migrations ran). */
async function postTerms(db: Pool, log: (m: string) => void): Promise<void> {
  log('seed: word postings (ticket_term_posting)');
  await withoutSecondaryIndexes(db, ['ticket_term_posting'], async () => {
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      await client.query('TRUNCATE ticket_term_posting');
      await fillTermPostings(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  });
  await db.query(`VACUUM ANALYZE ticket_term_posting`);
}

/** A desk clerk of two desks (a third of the tickets) and the manager of the busiest zone; both get the seed password. */
async function chooseRoles(db: Pool, coordinatorEmail: string, hash: string): Promise<SeededRoles> {
  const clerk = (
    await db.query(`SELECT u.email FROM app_user u JOIN desk_member d ON d.user_id = u.id GROUP BY u.id HAVING count(*) = 2 ORDER BY u.email LIMIT 1`)
  ).rows[0].email as string;
  const manager = (
    await db.query(`SELECT u.email FROM app_user u JOIN (SELECT zone_id, count(*) n FROM ticket GROUP BY zone_id ORDER BY n DESC LIMIT 1) z ON z.zone_id = u.zone_id WHERE u.role = 'zone_manager' LIMIT 1`)
  ).rows[0].email as string;
  await db.query(`UPDATE app_user SET password_hash = $1 WHERE email = ANY ($2)`, [hash, [clerk, manager]]);
  return { coordinatorEmail, clerkEmail: clerk, managerEmail: manager };
}

/** The generator's kinds by service type (a kind's type is that of its first tuning demand). */
function kindsByType(): Map<string, number[]> {
  const kinds = [...new Map(TUNING.map((d) => [d[0], d[2]] as const)).entries()];
  const byType = new Map<string, number[]>();
  kinds.forEach(([, type], k) => byType.set(type, [...(byType.get(type) ?? []), k]));
  return byType;
}

const copyField = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
const arrayLiteral = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

/**
 * Realistic Chinese text for every seeded ticket (the province seeder's titles are
 * placeholders), its segmented terms, and a desired date for 60 % of them (7–60 days after
 * filing), so `q` and `overdue` have something real to find. Rows go through files and
 * server-side COPY (the server is local), then one UPDATE and one INSERT without secondary indexes.
 */
async function seedText(db: Pool, log: (m: string) => void): Promise<void> {
  const generator = new DemandGenerator();
  const segmenter = Segmenter.shared();
  const byType = kindsByType();
  await db.query(`CREATE UNLOGGED TABLE bench_text (id uuid PRIMARY KEY, title text, description text, tags text[], terms text[], title_terms smallint)`);
  const file = join(tmpdir(), `enterpark-bench-queries-${process.pid}.tsv`);
  let last = '00000000-0000-0000-0000-000000000000';
  let done = 0;
  try {
    for (;;) {
      const { rows } = await db.query<{ id: string; type: string }>(`SELECT id, type FROM ticket WHERE id > $1 ORDER BY id LIMIT ${CHUNK}`, [last]);
      if (rows.length === 0) break;
      const lines = rows.map(({ id, type }) => {
        const kinds = byType.get(type)!;
        const d = generator.demand(kinds[Math.floor(Math.random() * kinds.length)]);
        const doc = segmenter.document(d);
        return [id, copyField(d.title), copyField(d.description), copyField(arrayLiteral(d.tags)), copyField(arrayLiteral(doc.terms)), doc.titleTerms].join('\t');
      });
      await writeFile(file, `${lines.join('\n')}\n`, { mode: 0o644 });
      await db.query(`COPY bench_text FROM '${file}'`);
      last = rows[rows.length - 1].id;
      done += rows.length;
      if (done % 200_000 === 0) log(`seed text: ${done} tickets segmented`);
    }
  } finally {
    await unlink(file).catch(() => undefined);
  }
  log('seed text: writing titles, descriptions, desired dates and terms');
  await withoutSecondaryIndexes(db, ['ticket', 'ticket_terms'], async () => {
    await db.query(
      `UPDATE ticket t SET title = x.title, description = x.description, tags = x.tags,
              desired_by = CASE WHEN random() < 0.6 THEN ((t.created_at AT TIME ZONE 'Asia/Shanghai') + (7 + floor(random() * 54)::int) * interval '1 day')::date END
         FROM bench_text x WHERE x.id = t.id`,
    );
    // The province seeder indexed its placeholder titles; these texts replace them.
    await db.query(`TRUNCATE ticket_terms`);
    await db.query(`INSERT INTO ticket_terms (ticket_id, terms, title_terms) SELECT id, terms, title_terms FROM bench_text`);
  });
  await db.query(`DROP TABLE bench_text`);
  log('seed text: vacuum analyze');
  await db.query(`VACUUM ANALYZE ticket`);
  await db.query(`VACUUM ANALYZE ticket_terms`);
}
