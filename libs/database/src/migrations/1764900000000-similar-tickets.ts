import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Similar tickets (libs/similarity). `ticket_terms`: each ticket's segmented terms (title and
 * tag terms first, `title_terms` of them), written with the ticket at intake, under a GIN index
 * that finds the tickets sharing a term. `term_df`: in how many tickets each term occurs (the
 * empty term counts the tickets), for IDF weighting; intake adds to one of 8 shards per
 * transaction, so concurrent lists seldom wait on the same counter row. Tickets filed before
 * this migration are indexed by the worker after start (SimilarityBackfill).
 */
export class SimilarTickets1764900000000 implements MigrationInterface {
  name = 'SimilarTickets1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_terms (
        ticket_id   uuid PRIMARY KEY REFERENCES ticket (id) ON DELETE CASCADE,
        terms       text[] NOT NULL,
        title_terms smallint NOT NULL,
        CONSTRAINT ticket_terms_title_terms CHECK (title_terms BETWEEN 0 AND cardinality(terms))
      )`);
    // Read latency over insert cost: without fastupdate a query never scans a pending list.
    await q.query(`CREATE INDEX ticket_terms_terms_idx ON ticket_terms USING gin (terms) WITH (fastupdate = off)`);
    await q.query(`
      CREATE TABLE term_df (
        term  text NOT NULL,
        shard smallint NOT NULL CHECK (shard BETWEEN 0 AND 7),
        df    integer NOT NULL CHECK (df >= 0),
        PRIMARY KEY (term, shard)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE term_df, ticket_terms`);
  }
}
