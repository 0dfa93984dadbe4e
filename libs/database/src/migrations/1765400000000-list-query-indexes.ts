import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for GET /tickets at a million tickets: each console filter finds its page by walking
 * an index in the list's own order (created_at DESC, id DESC, the cursor's order) instead of
 * sorting every match.
 * - Newest first over all tickets carries status, desk and type as trailing keys: a filter on
 *   them is checked on the index entry, so walking past non-matching tickets reads no table
 *   page (the planner walks it for a common status, and misjudges how far: in_service tickets
 *   are not among the newest).
 * - Status and type + status get their own (a rare status is found at once); the dashboard's
 *   (type, status) index becomes the longer type + status one (it still serves the counts).
 * - Assignee: the open-only index becomes one over all tickets (a person's closed tickets are
 *   listed too; workloads read staff_workload).
 * - Overdue walks the open tickets that have a desired date, newest first, with the date as a
 *   trailing key: "past it" is decided on the index entry.
 * Every index costs intake a write (bench:queries measures it): two more than before.
 */
export const LIST_QUERY_INDEXES = ['ticket_created_filters_idx', 'ticket_status_created_idx', 'ticket_type_status_created_idx', 'ticket_assignee_created_idx', 'ticket_open_desired_created_idx'] as const;

/** What the migration replaced, for measuring the insert cost without it. */
export const REPLACED_INDEXES = [
  `CREATE INDEX ticket_created_idx ON ticket (created_at DESC, id DESC)`,
  `CREATE INDEX ticket_type_status_idx ON ticket (type, status)`,
  `CREATE INDEX ticket_open_assignee_idx ON ticket (assignee_id) WHERE status NOT IN ('completed', 'closed', 'rejected', 'cancelled')`,
];

export class ListQueryIndexes1765400000000 implements MigrationInterface {
  name = 'ListQueryIndexes1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ticket_created_filters_idx ON ticket (created_at DESC, id DESC, status, desk, type)`);
    await q.query(`DROP INDEX ticket_created_idx`);
    await q.query(`CREATE INDEX ticket_status_created_idx ON ticket (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX ticket_type_status_created_idx ON ticket (type, status, created_at DESC, id DESC)`);
    await q.query(`DROP INDEX ticket_type_status_idx`);
    await q.query(`CREATE INDEX ticket_assignee_created_idx ON ticket (assignee_id, created_at DESC, id DESC)`);
    await q.query(`DROP INDEX ticket_open_assignee_idx`);
    await q.query(`
      CREATE INDEX ticket_open_desired_created_idx ON ticket (created_at DESC, id DESC, desired_by)
       WHERE desired_by IS NOT NULL AND status NOT IN ('completed', 'closed', 'rejected', 'cancelled')`);
    // Text search (q) matches ticket_terms: the planner needs to know a rare word is rare to take
    // the GIN index instead of walking every ticket newest first (the default 100 keeps too few words).
    await q.query(`ALTER TABLE ticket_terms ALTER COLUMN terms SET STATISTICS 1000`);
    await q.query(`ANALYZE ticket_terms`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket_terms ALTER COLUMN terms SET STATISTICS -1`);
    for (const definition of REPLACED_INDEXES) await q.query(definition);
    for (const name of LIST_QUERY_INDEXES) await q.query(`DROP INDEX ${name}`);
  }
}
