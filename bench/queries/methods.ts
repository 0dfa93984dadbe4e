import { randomUUID } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { Segmenter } from '@enterpark/similarity';
import { LIST_QUERY_INDEXES, REPLACED_INDEXES } from '../../libs/database/src/migrations/1765400000000-list-query-indexes';
import { latencyOf, Latency } from './measure';
import { SEARCH_WORDS } from './queries';

export interface MethodRow {
  label: string;
  /** Tickets the words find, by method (the word method matches whole words, the others substrings). */
  matches: { ilike: number; words: number };
  ilike: Latency;
  trigram: Latency;
  gin: Latency;
  postings: Latency;
}

const TRGM_INDEX = 'bench_ticket_text_trgm_idx';
const TEXT = `(title || ' ' || coalesce(description, ''))`;

/**
 * The first page (51 rows, newest first, as GET /tickets asks) of a text search three ways, on
 * raw SQL so only PostgreSQL is compared: substring ILIKE (a scan), substring through a pg_trgm
 * GIN index (built once in the bench database; never in the service's schema), the segmented
 * words through ticket_terms' GIN index, and through their postings (the service's statement).
 */
export async function compareSearchMethods(db: Pool, rounds: number, log: (m: string) => void): Promise<MethodRow[]> {
  await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  const built = await db.query(`SELECT 1 FROM pg_indexes WHERE indexname = $1`, [TRGM_INDEX]);
  if (built.rowCount === 0) {
    log('search methods: building the pg_trgm index once (kept in the bench database)');
    await db.query(`SET maintenance_work_mem = '512MB'`);
    await db.query(`CREATE INDEX ${TRGM_INDEX} ON ticket USING gin (${TEXT} gin_trgm_ops)`);
  }
  const segmenter = Segmenter.shared();
  const rows: MethodRow[] = [];
  for (const [name, words] of Object.entries(SEARCH_WORDS)) {
    const times = { ilike: [] as number[], trigram: [] as number[], gin: [] as number[], postings: [] as number[] };
    const matches = { ilike: 0, words: 0 };
    for (const word of words) {
      const like = `%${word}%`;
      const terms = segmenter.queryWords(word);
      const others = terms
        .slice(1)
        .map((_, i) => `AND EXISTS (SELECT 1 FROM ticket_term_posting o${i} WHERE o${i}.term = $${i + 2} AND o${i}.created_at = p.created_at AND o${i}.ticket_id = p.ticket_id)`)
        .join(' ');
      const statements = {
        ilike: [`SELECT id FROM ticket WHERE title ILIKE $1 OR description ILIKE $1 ORDER BY created_at DESC, id DESC LIMIT 51`, [like]],
        trigram: [`SELECT id FROM ticket WHERE ${TEXT} ILIKE $1 ORDER BY created_at DESC, id DESC LIMIT 51`, [like]],
        // Every match through ticket_terms' GIN index, sorted (one of the two reads before the postings).
        gin: [`SELECT t.id FROM ticket t WHERE t.id IN (SELECT ticket_id FROM ticket_terms WHERE terms @> $1::text[]) ORDER BY t.created_at DESC, t.id DESC LIMIT 51`, [terms]],
        // The service's statement for a coordinator: the first word's postings newest first, the others looked up.
        postings: [
          `SELECT t.id FROM ticket t JOIN ticket_term_posting p ON p.ticket_id = t.id AND p.term = $1 ${others} ORDER BY p.created_at DESC, p.ticket_id DESC LIMIT 51`,
          terms,
        ],
      } as const;
      for (let r = 0; r < rounds; r++) {
        for (const method of ['ilike', 'trigram', 'gin', 'postings'] as const) {
          // ILIKE scans a million rows (~0.5 s): a few rounds tell its figure.
          if (method === 'ilike' && r >= 3) continue;
          const [sql, params] = statements[method];
          const t0 = process.hrtime.bigint();
          await db.query(sql, [...params]);
          times[method].push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
      }
      matches.ilike += (await db.query(`SELECT count(*)::int AS n FROM ticket WHERE ${TEXT} ILIKE $1`, [like])).rows[0].n;
      matches.words += (await db.query(`SELECT count(*)::int AS n FROM ticket_terms WHERE terms @> $1::text[]`, [terms])).rows[0].n;
    }
    const per = words.length;
    rows.push({
      label: `${name}: ${words.join(' ')}`,
      matches: { ilike: Math.round(matches.ilike / per), words: Math.round(matches.words / per) },
      ilike: latencyOf(times.ilike, 0, 0),
      trigram: latencyOf(times.trigram, 0, 0),
      gin: latencyOf(times.gin, 0, 0),
      postings: latencyOf(times.postings, 0, 0),
    });
  }
  return rows;
}

export interface InsertCost {
  /** Microseconds per ticket inserted (lists of 20, one statement each): with every index, and as before the list-query migration. */
  withIndexesUs: number;
  withoutIndexesUs: number;
  tickets: number;
}

/**
 * What the list-query indexes cost intake: lists of 20 tickets inserted one statement each into
 * the million-row table, with every index and as before the migration (its indexes dropped, the
 * ones it replaced built again), each inside a
 * transaction rolled back afterwards (the seed stays as it was), alternated so both meet the same load.
 */
export async function insertCost(db: Pool, lists: number): Promise<InsertCost> {
  const client = await db.connect();
  const [{ zone_id: zoneId, filed_by: filedBy }] = (await client.query(`SELECT zone_id, filed_by FROM demand_list LIMIT 1`)).rows;
  const times = { with: [] as number[], without: [] as number[] };
  try {
    for (let round = 0; round < 2; round++) {
      for (const variant of round % 2 ? (['without', 'with'] as const) : (['with', 'without'] as const)) {
        await client.query('BEGIN');
        if (variant === 'without') {
          for (const name of LIST_QUERY_INDEXES) await client.query(`DROP INDEX IF EXISTS ${name}`);
          for (const definition of REPLACED_INDEXES) await client.query(definition.replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS'));
        }
        const t0 = process.hrtime.bigint();
        for (let l = 0; l < lists / 2; l++) await insertList(client, zoneId, filedBy);
        times[variant].push(Number(process.hrtime.bigint() - t0) / 1e3);
        await client.query('ROLLBACK');
      }
    }
  } finally {
    client.release();
  }
  const tickets = lists * 20;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return { withIndexesUs: sum(times.with) / tickets, withoutIndexesUs: sum(times.without) / tickets, tickets };
}

async function insertList(client: PoolClient, zoneId: string, filedBy: string): Promise<void> {
  const now = new Date();
  const listId = randomUUID();
  await client.query(`INSERT INTO demand_list (id, zone_id, title, period, status, filed_by, item_count, created_at) VALUES ($1, $2, '压测插入', '2026', 'open', $3, 20, $4)`, [listId, zoneId, filedBy, now]);
  const tickets = Array.from({ length: 20 }, (_, i) => ({ id: randomUUID(), seq: i + 1, title: `压测插入 ${i}`, type: 'finance', status: 'submitted' }));
  await client.query(
    `INSERT INTO ticket (id, demand_list_id, zone_id, seq, type, title, tags, status, version, created_at, updated_at)
     SELECT x.id, $2, $3, x.seq, x.type, x.title, '{}', x.status, 1, $4, $4
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, seq int, type text, title text, status text)`,
    [JSON.stringify(tickets), listId, zoneId, now],
  );
}
