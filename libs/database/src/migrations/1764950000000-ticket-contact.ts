import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The person at the zone the desk calls about a ticket (联系人 / 联系电话), given per item when
 * a list is filed or read from the zone's workbook. Nullable: older tickets have none.
 */
export class TicketContact1764950000000 implements MigrationInterface {
  name = 'TicketContact1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket ADD COLUMN contact_name text, ADD COLUMN contact_phone text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket DROP COLUMN contact_phone, DROP COLUMN contact_name`);
  }
}
