import { MigrationInterface, QueryRunner } from 'typeorm';

const MAIL_KINDS_BEFORE = `'digest', 'match_proposed', 'info_requested', 'awaiting_confirmation', 'list_completed', 'sla_reminder', 'sla_escalation', 'ticket_assigned', 'calendar_missing'`;

/**
 * League tables and bulletins. `ranking_weights` holds one row (the coordinators' weights; none
 * means the defaults). `bulletin` holds one row per period, its primary key: issuing is an
 * INSERT that a second worker or a redelivered job loses, and the content is the frozen
 * snapshot every document is rendered from. Bulletins are mailed with the .docx attached:
 * a mail kind of their own and stored attachments.
 */
export class RankingsAndBulletins1765200000000 implements MigrationInterface {
  name = 'RankingsAndBulletins1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ranking_weights (
        id smallint PRIMARY KEY CHECK (id = 1),
        completion numeric(4, 3) NOT NULL CHECK (completion BETWEEN 0 AND 1),
        on_time numeric(4, 3) NOT NULL CHECK (on_time BETWEEN 0 AND 1),
        satisfaction numeric(4, 3) NOT NULL CHECK (satisfaction BETWEEN 0 AND 1),
        returns numeric(4, 3) NOT NULL CHECK (returns BETWEEN 0 AND 1),
        updated_by uuid NOT NULL REFERENCES app_user (id),
        updated_at timestamptz NOT NULL,
        CHECK (completion + on_time + satisfaction + returns = 1)
      )`);
    await q.query(`
      CREATE TABLE bulletin (
        period text PRIMARY KEY CHECK (period ~ '^\\d{4}-(0[1-9]|1[0-2]|Q[1-4])$'),
        kind text NOT NULL CHECK (kind IN ('month', 'quarter')),
        content jsonb NOT NULL,
        issued_at timestamptz NOT NULL,
        issued_by uuid REFERENCES app_user (id),
        mailed_at timestamptz
      )`);
    await q.query(`ALTER TABLE mail_message ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'`);
    await this.kinds(q, `${MAIL_KINDS_BEFORE}, 'bulletin'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM mail_message WHERE kind = 'bulletin'`);
    await this.kinds(q, MAIL_KINDS_BEFORE);
    await q.query(`ALTER TABLE mail_message DROP COLUMN attachments`);
    await q.query(`DROP TABLE bulletin`);
    await q.query(`DROP TABLE ranking_weights`);
  }

  private async kinds(q: QueryRunner, kinds: string): Promise<void> {
    await q.query(`ALTER TABLE mail_message DROP CONSTRAINT mail_message_kind_check, ADD CONSTRAINT mail_message_kind_check CHECK (kind IN (${kinds}))`);
  }
}
