import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessScope, ServiceType } from '@enterpark/common';
import { ticketReachSql as reach } from '@enterpark/tickets';
import { DOCUMENT_COUNT_TERM, RetrievalPlan, SIMILARITY } from '../domain/scoring';
import { DemandText, TermDocument } from '../domain/segmenter';

export interface IndexedTicket {
  ticketId: string;
  doc: TermDocument;
}

export interface SimilarTicketRow {
  ticketId: string;
  zoneId: string;
  zoneName: string;
  title: string;
  status: string;
  type: ServiceType;
}

/** What a caller may narrow the similar tickets to, beyond their reach. */
export interface SimilarityFilter {
  type?: ServiceType;
  statuses?: readonly string[];
}

const DF_SHARDS = 8;
const FREQUENCY_CACHE_MS = 60_000;
const FREQUENCY_CACHE_TERMS = 200_000;

@Injectable()
export class TicketTermsRepository {
  private readonly cache = new Map<string, number>();
  private cachedAt = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores the documents of tickets not indexed yet, their words' postings (the ticket list's
   * text search: migration 1765500000000) and counts their terms, in the caller's transaction,
   * after the tickets themselves. The counters are taken last and in term order: concurrent
   * intakes hold them only until commit and never in opposite orders. Answers how many tickets were new.
   */
  async insert(manager: EntityManager, tickets: readonly IndexedTicket[]): Promise<number> {
    if (tickets.length === 0) return 0;
    const rows = tickets.map((t) => ({ ticketId: t.ticketId, terms: t.doc.terms, titleTerms: t.doc.titleTerms }));
    const [{ stored }]: { stored: number }[] = await manager.query(
      `WITH stored AS (
         INSERT INTO ticket_terms (ticket_id, terms, title_terms)
         SELECT "ticketId", terms, "titleTerms" FROM jsonb_to_recordset($1::jsonb) AS x("ticketId" uuid, terms text[], "titleTerms" int)
         ON CONFLICT (ticket_id) DO NOTHING
         RETURNING ticket_id, terms),
       posted AS (
         INSERT INTO ticket_term_posting (term, created_at, ticket_id, zone_id, type)
         SELECT DISTINCT w.term, t.created_at, t.id, t.zone_id, t.type
           FROM stored s JOIN ticket t ON t.id = s.ticket_id CROSS JOIN LATERAL unnest(s.terms) AS w(term)),
       counted AS (
         INSERT INTO term_df (term, shard, df)
         SELECT term, $2, count(*) FROM (SELECT unnest(terms) AS term FROM stored UNION ALL SELECT $3 FROM stored) x
          GROUP BY term ORDER BY term
         ON CONFLICT (term, shard) DO UPDATE SET df = term_df.df + excluded.df)
       SELECT count(*)::int AS stored FROM stored`,
      [JSON.stringify(rows), Math.floor(Math.random() * DF_SHARDS), DOCUMENT_COUNT_TERM],
    );
    return stored;
  }

  /**
   * One ticket the caller may read (null: unknown or out of reach, as for GET /tickets/{id}),
   * with its stored document (null until it is indexed), in one statement.
   */
  async ticketInReach(scope: AccessScope, id: string): Promise<{ text: DemandText; doc: TermDocument | null } | null> {
    const scoped = reach(scope, 2);
    const rows: { title: string; description: string | null; tags: string[]; terms: string[] | null; title_terms: number | null }[] = await this.dataSource.query(
      `SELECT t.title, t.description, t.tags, s.terms, s.title_terms
         FROM ticket t LEFT JOIN ticket_terms s ON s.ticket_id = t.id
        WHERE t.id = $1 AND ${scoped.sql}`,
      [id, ...scoped.params],
    );
    if (rows.length === 0) return null;
    const [r] = rows;
    return { text: { title: r.title, description: r.description, tags: r.tags }, doc: r.terms ? { terms: r.terms, titleTerms: r.title_terms! } : null };
  }

  /**
   * Document frequencies of the terms (absent: 0), and the document count under
   * DOCUMENT_COUNT_TERM. Each process keeps what it read for a minute: IDF from a corpus a
   * minute old ranks the same, and a query then costs two fewer round trips.
   */
  async frequencies(terms: Iterable<string>): Promise<Map<string, number>> {
    const now = Date.now();
    if (now - this.cachedAt > FREQUENCY_CACHE_MS || this.cache.size > FREQUENCY_CACHE_TERMS) {
      this.cache.clear();
      this.cachedAt = now;
    }
    const wanted = [...new Set([...terms, DOCUMENT_COUNT_TERM])];
    const missing = wanted.filter((t) => !this.cache.has(t));
    if (missing.length > 0) {
      const rows: { term: string; df: number }[] = await this.dataSource.query(
        `SELECT term, sum(df)::int AS df FROM term_df WHERE term = ANY ($1::text[]) GROUP BY term`,
        [missing],
      );
      for (const t of missing) this.cache.set(t, 0);
      for (const r of rows) this.cache.set(r.term, r.df);
    }
    return new Map(wanted.map((t) => [t, this.cache.get(t)!]));
  }

  /**
   * The candidates the plan finds (at most SIMILARITY.candidateCap), best first by an estimate
   * of their similarity: each shared term's query weight × the candidate's field weight, over
   * the candidate's length with all its terms weighing alike. Answers the best `keep` with
   * their documents, which the caller scores exactly.
   */
  async estimate(weights: ReadonlyMap<string, number>, plan: RetrievalPlan, excluded: readonly string[], keep: number): Promise<IndexedTicket[]> {
    const params: unknown[] = [[...weights.keys()], [...weights.values()], excluded, SIMILARITY.titleWeight, SIMILARITY.candidateCap, keep, plan.anyOf];
    const found = ['terms && $7::text[]'];
    for (const pair of plan.pairs) {
      params.push(pair);
      found.push(`terms @> $${params.length}::text[]`);
    }
    const rows: { ticket_id: string; terms: string[]; title_terms: number }[] = await this.dataSource.query(
      `WITH q AS (SELECT * FROM unnest($1::text[], $2::float8[]) AS q(term, weight)),
       candidate AS MATERIALIZED (
         SELECT ticket_id, terms, title_terms FROM ticket_terms
          WHERE (${found.join(' OR ')}) AND ticket_id <> ALL ($3::uuid[])
          LIMIT $5),
       estimated AS (
         SELECT c.ticket_id, sum(q.weight * CASE WHEN x.i <= c.title_terms THEN $4 ELSE 1 END)
                / sqrt(($4 * $4 - 1) * c.title_terms + cardinality(c.terms)) AS estimate
           FROM candidate c
          CROSS JOIN LATERAL unnest(c.terms) WITH ORDINALITY AS x(term, i)
           JOIN q ON q.term = x.term
          GROUP BY c.ticket_id, c.title_terms, cardinality(c.terms)
          ORDER BY estimate DESC, c.ticket_id
          LIMIT $6)
       SELECT c.ticket_id, c.terms, c.title_terms FROM estimated e JOIN candidate c USING (ticket_id) ORDER BY e.estimate DESC, c.ticket_id`,
      params,
    );
    return rows.map((r) => ({ ticketId: r.ticket_id, doc: { terms: r.terms, titleTerms: r.title_terms } }));
  }

  /** What a person reads of each ticket the caller may see and the filter admits (others are left out). */
  async describe(ids: readonly string[], scope: AccessScope, filter: SimilarityFilter): Promise<Map<string, SimilarTicketRow>> {
    if (ids.length === 0) return new Map();
    const scoped = reach(scope, 4);
    const rows: { id: string; zone_id: string; zone_name: string; title: string; status: string; type: ServiceType }[] = await this.dataSource.query(
      `SELECT t.id, t.zone_id, z.name AS zone_name, t.title, t.status, t.type
         FROM ticket t JOIN zone z ON z.id = t.zone_id
        WHERE t.id = ANY ($1::uuid[]) AND ($2::text IS NULL OR t.type = $2) AND ($3::text[] IS NULL OR t.status = ANY ($3::text[])) AND ${scoped.sql}`,
      [ids, filter.type ?? null, filter.statuses ?? null, ...scoped.params],
    );
    return new Map(rows.map((r) => [r.id, { ticketId: r.id, zoneId: r.zone_id, zoneName: r.zone_name, title: r.title, status: r.status, type: r.type }]));
  }

  /** Tickets not indexed yet (filed before the index existed, or written outside intake). */
  async unindexed(limit: number): Promise<{ id: string; title: string; description: string | null; tags: string[] }[]> {
    return this.dataSource.query(
      `SELECT t.id, t.title, t.description, t.tags FROM ticket t
        WHERE NOT EXISTS (SELECT 1 FROM ticket_terms s WHERE s.ticket_id = t.id) LIMIT $1`,
      [limit],
    );
  }
}
