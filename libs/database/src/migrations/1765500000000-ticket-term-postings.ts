import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Postings for GET /tickets?q=: one row per (word, ticket) of ticket_terms, ordered within a word
 * newest first as the list is, carrying what tenancy and the list's filters ask of a ticket that
 * does not change with its status (zone and type). A text search walks its rarest word's postings
 * in the list's order, keeps those of the caller's zone or desks' types on the index entry
 * (INCLUDE: no table page read), and reads tickets only for the page; the GIN index of
 * ticket_terms had to fetch every match and sort it, or walk tickets checking each one's terms.
 * - Written with ticket_terms, in the same statement (TicketTermsRepository.insert).
 * - A ticket's type changes when it is rerouted: the trigger moves its postings with it, so a
 *   desk never finds it under the type it left (the ticket's own row is checked too). Its zone and
 *   filing time do not change; the trigger follows the zone anyway, as tenancy rests on it.
 * - Tickets are never deleted, so there is no foreign key: intake pays no ticket lookup per word.
 */
export class TicketTermPostings1765500000000 implements MigrationInterface {
  name = 'TicketTermPostings1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_term_posting (
        term       text NOT NULL,
        created_at timestamptz NOT NULL,
        ticket_id  uuid NOT NULL,
        zone_id    uuid NOT NULL,
        type       text NOT NULL
      )`);
    await fillTermPostings(q);
    await q.query(`
      CREATE UNIQUE INDEX ticket_term_posting_walk_idx ON ticket_term_posting (term, created_at DESC, ticket_id DESC) INCLUDE (zone_id, type)`);
    // Enough most-common words that the planner knows a common word from a rare one.
    await q.query(`ALTER TABLE ticket_term_posting ALTER COLUMN term SET STATISTICS 1000`);
    await q.query(`ANALYZE ticket_term_posting`);
    await q.query(`
      CREATE FUNCTION ticket_term_posting_follow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE ticket_term_posting p SET type = NEW.type, zone_id = NEW.zone_id
          FROM ticket_terms tt, unnest(tt.terms) AS w(term)
         WHERE tt.ticket_id = NEW.id AND p.term = w.term AND p.created_at = NEW.created_at AND p.ticket_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER ticket_term_posting_follow AFTER UPDATE OF type, zone_id ON ticket
        FOR EACH ROW WHEN (OLD.type IS DISTINCT FROM NEW.type OR OLD.zone_id IS DISTINCT FROM NEW.zone_id)
        EXECUTE FUNCTION ticket_term_posting_follow()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER ticket_term_posting_follow ON ticket`);
    await q.query(`DROP FUNCTION ticket_term_posting_follow()`);
    await q.query(`DROP TABLE ticket_term_posting`);
  }
}

/**
 * The postings of every indexed ticket, set-based and in the index's order (a word's postings
 * then share table pages). Also used by bench/queries, whose seed writes ticket_terms by SQL.
 */
export async function fillTermPostings(q: { query(sql: string): Promise<unknown> }): Promise<void> {
  await q.query(`SET LOCAL work_mem = '256MB'`);
  await q.query(`SET LOCAL maintenance_work_mem = '512MB'`);
  await q.query(`
    INSERT INTO ticket_term_posting (term, created_at, ticket_id, zone_id, type)
    SELECT DISTINCT w.term, t.created_at, t.id, t.zone_id, t.type
      FROM ticket_terms tt
      JOIN ticket t ON t.id = tt.ticket_id
     CROSS JOIN LATERAL unnest(tt.terms) AS w(term)
     ORDER BY w.term, t.created_at DESC, t.id DESC`);
}
