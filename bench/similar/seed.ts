import { randomUUID } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { Segmenter } from '@enterpark/similarity';
import { withoutSecondaryIndexes } from '../digest/seed';
import { DemandGenerator } from './generate';

const LIST_SIZE = 20;
/** Lists per statement: 5,000 tickets. */
const LISTS_PER_BATCH = 250;
/** Joins a row's array elements into one text parameter; no term, tag or title contains it. */
const SEP = '\u001f';
const YEARS_OF_HISTORY = 5;

export interface SeedResult {
  tickets: number;
  /** The kind of every generated list's tickets (each list is of one kind). */
  kindOfList: Map<string, string>;
  seconds: number;
  segmentSeconds: number;
}

interface Batch {
  lists: { id: string; zoneId: string; createdAt: Date }[];
  tickets: { id: string; listId: string; zoneId: string; seq: number; type: string; title: string; description: string; tags: string[]; createdAt: Date; terms: string[]; titleTerms: number }[];
}

/**
 * `count` generated tickets in lists of 20 (one kind per list, a random zone of `zoneIds`),
 * written with multi-row inserts (unnest of arrays) and their similarity documents segmented by
 * the service's own Segmenter; secondary indexes (the GIN included) are built after the load,
 * and the term counts are then recomputed over every indexed ticket in one statement.
 */
export async function seedGenerated(db: Pool, adminId: string, zoneIds: readonly string[], count: number, log: (m: string) => void): Promise<SeedResult> {
  const started = Date.now();
  const generator = new DemandGenerator();
  const segmenter = Segmenter.shared();
  const kindOfList = new Map<string, string>();
  let segmentMs = 0;
  const lists = Math.ceil(count / LIST_SIZE);

  const makeBatch = (first: number): Batch => {
    const t0 = Date.now();
    const batch: Batch = { lists: [], tickets: [] };
    for (let l = first; l < Math.min(first + LISTS_PER_BATCH, lists); l++) {
      const k = Math.floor(Math.random() * generator.kindCount);
      const list = { id: randomUUID(), zoneId: zoneIds[l % zoneIds.length], createdAt: new Date(Date.now() - Math.random() * YEARS_OF_HISTORY * 365 * 86_400_000) };
      batch.lists.push(list);
      for (let seq = 1; seq <= Math.min(LIST_SIZE, count - l * LIST_SIZE); seq++) {
        const d = generator.demand(k);
        kindOfList.set(list.id, d.kind);
        const doc = segmenter.document(d);
        batch.tickets.push({ id: randomUUID(), listId: list.id, zoneId: list.zoneId, seq, ...d, createdAt: list.createdAt, terms: doc.terms, titleTerms: doc.titleTerms });
      }
    }
    segmentMs += Date.now() - t0;
    return batch;
  };

  const client = await db.connect();
  try {
    // The bench's own database: foreign-key triggers off for the bulk load (every row is made consistent here).
    await client.query(`SET session_replication_role = replica`);
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await withoutSecondaryIndexes(client, ['ticket', 'ticket_terms', 'demand_list'], async () => {
      let next = makeBatch(0);
      for (let first = 0; first < lists; first += LISTS_PER_BATCH) {
        const writing = writeBatch(client, adminId, next);
        if (first + LISTS_PER_BATCH < lists) next = makeBatch(first + LISTS_PER_BATCH);
        await writing;
        if ((first / LISTS_PER_BATCH) % 20 === 19) log(`seed: ${Math.min((first + LISTS_PER_BATCH) * LIST_SIZE, count)} tickets`);
      }
      log('seed: building indexes');
    });
    log('seed: counting terms');
    await client.query(`TRUNCATE term_df`);
    await client.query(
      `INSERT INTO term_df (term, shard, df)
       SELECT term, 0, count(*) FROM ticket_terms, unnest(terms) AS term GROUP BY term
       UNION ALL SELECT '', 0, count(*) FROM ticket_terms`,
    );
    await client.query(`ANALYZE`);
  } finally {
    client.release();
  }
  return { tickets: count, kindOfList, seconds: (Date.now() - started) / 1000, segmentSeconds: segmentMs / 1000 };
}

async function writeBatch(client: PoolClient, adminId: string, batch: Batch): Promise<void> {
  const t = batch.tickets;
  await client.query(
    `INSERT INTO demand_list (id, zone_id, title, period, status, filed_by, item_count, created_at)
     SELECT id, zone_id, '历年需求清单', '2026', 'open', $4, ${LIST_SIZE}, created_at FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS l(id, zone_id, created_at)`,
    [batch.lists.map((l) => l.id), batch.lists.map((l) => l.zoneId), batch.lists.map((l) => l.createdAt), adminId],
  );
  await client.query(
    `INSERT INTO ticket (id, demand_list_id, zone_id, seq, type, title, description, tags, status, desk, version, created_at, routed_at, updated_at)
     SELECT id, list_id, zone_id, seq, type, title, description, string_to_array(tags, $9), 'routed', type, 1, created_at, created_at, created_at
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $10::timestamptz[])
            AS x(id, list_id, zone_id, seq, type, title, description, tags, created_at)`,
    [t.map((x) => x.id), t.map((x) => x.listId), t.map((x) => x.zoneId), t.map((x) => x.seq), t.map((x) => x.type), t.map((x) => x.title), t.map((x) => x.description), t.map((x) => x.tags.join(SEP)), SEP, t.map((x) => x.createdAt)],
  );
  await client.query(
    `INSERT INTO ticket_terms (ticket_id, terms, title_terms)
     SELECT id, string_to_array(terms, $4), title_terms FROM unnest($1::uuid[], $2::text[], $3::int[]) AS x(id, terms, title_terms)`,
    [t.map((x) => x.id), t.map((x) => x.terms.join(SEP)), t.map((x) => x.titleTerms), SEP],
  );
}
