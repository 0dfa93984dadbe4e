import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The province dashboard's questions, each answered from an index: every ticket by type and
 * status (index-only), completions per week, the events that end an SLA stage in a period
 * (the query repeats this predicate word for word, so the partial index is used) and each
 * ticket's SLA breaches.
 */
export class Dashboard1764028800200 implements MigrationInterface {
  name = 'Dashboard1764028800200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ticket_type_status_idx ON ticket (type, status)`);
    await q.query(`CREATE INDEX ticket_completed_at_idx ON ticket (completed_at) WHERE completed_at IS NOT NULL`);
    await q.query(`CREATE INDEX event_stage_end_idx ON event (occurred_at) WHERE name IN ('ticket.accepted', 'ticket.matched', 'ticket.service_completed')`);
    await q.query(`CREATE INDEX event_sla_breached_idx ON event (aggregate_id, seq) WHERE name = 'ticket.sla_breached'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX event_sla_breached_idx`);
    await q.query(`DROP INDEX event_stage_end_idx`);
    await q.query(`DROP INDEX ticket_completed_at_idx`);
    await q.query(`DROP INDEX ticket_type_status_idx`);
  }
}
