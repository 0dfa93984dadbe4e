import { MigrationInterface, QueryRunner } from 'typeorm';

/** Coordinators are told by email when deadlines wait for a year without a working-day calendar. */
export class CalendarMissingMail1764806400000 implements MigrationInterface {
  name = 'CalendarMissingMail1764806400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mail_message DROP CONSTRAINT mail_message_kind_check`);
    await q.query(`
      ALTER TABLE mail_message ADD CONSTRAINT mail_message_kind_check
        CHECK (kind IN ('digest', 'match_proposed', 'info_requested', 'awaiting_confirmation',
                        'list_completed', 'sla_reminder', 'sla_escalation', 'calendar_missing'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mail_message DROP CONSTRAINT mail_message_kind_check`);
    await q.query(`
      ALTER TABLE mail_message ADD CONSTRAINT mail_message_kind_check
        CHECK (kind IN ('digest', 'match_proposed', 'info_requested', 'awaiting_confirmation',
                        'list_completed', 'sla_reminder', 'sla_escalation'))`);
  }
}
