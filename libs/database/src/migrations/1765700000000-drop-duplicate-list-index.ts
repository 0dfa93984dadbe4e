import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `ticket_list_idx (demand_list_id, seq)` repeats the index behind the unique constraint
 * `ticket_demand_list_id_seq_key` column for column, so every ticket written (filed, routed,
 * accepted, proposed: each a new row version) paid for one index entry nobody reads; a
 * list's tickets are found through the unique index.
 */
export class DropDuplicateListIndex1765700000000 implements MigrationInterface {
  name = 'DropDuplicateListIndex1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ticket_list_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ticket_list_idx ON ticket (demand_list_id, seq)`);
  }
}
