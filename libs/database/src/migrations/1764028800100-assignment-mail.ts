import { MigrationInterface, QueryRunner } from 'typeorm';

const NOTIFICATION_EVENTS_BEFORE = `'ticket.match_proposed', 'ticket.info_requested', 'ticket.service_completed', 'demand_list.completed', 'ticket.sla_breached', 'ticket.sla_escalated'`;
const MAIL_KINDS_BEFORE = `'digest', 'match_proposed', 'info_requested', 'awaiting_confirmation', 'list_completed', 'sla_reminder', 'sla_escalation'`;

/**
 * Desk staff are told when a ticket is assigned to them: a mail kind and a category of its
 * own (switchable apart from the other notifications), and the reconciler's partial index
 * over notification events widened to the two events that send it (ticket.routed with an
 * assignee, ticket.assigned): its query names them, and a partial index the query does not
 * imply is not used.
 */
export class AssignmentMail1764028800100 implements MigrationInterface {
  name = 'AssignmentMail1764028800100';

  async up(q: QueryRunner): Promise<void> {
    await this.mailChecks(q, `${MAIL_KINDS_BEFORE}, 'ticket_assigned'`, `'digest', 'notification', 'assignment'`);
    await q.query(`ALTER TABLE mail_preference ADD COLUMN assignments boolean NOT NULL DEFAULT true`);
    await this.notificationIndex(q, `${NOTIFICATION_EVENTS_BEFORE}, 'ticket.routed', 'ticket.assigned'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.notificationIndex(q, NOTIFICATION_EVENTS_BEFORE);
    await q.query(`ALTER TABLE mail_preference DROP COLUMN assignments`);
    await q.query(`DELETE FROM mail_message WHERE category = 'assignment'`);
    await this.mailChecks(q, MAIL_KINDS_BEFORE, `'digest', 'notification'`);
  }

  private async mailChecks(q: QueryRunner, kinds: string, categories: string): Promise<void> {
    await q.query(`
      ALTER TABLE mail_message
        DROP CONSTRAINT mail_message_kind_check,
        DROP CONSTRAINT mail_message_category_check,
        ADD CONSTRAINT mail_message_kind_check CHECK (kind IN (${kinds})),
        ADD CONSTRAINT mail_message_category_check CHECK (category IN (${categories}))`);
  }

  private async notificationIndex(q: QueryRunner, names: string): Promise<void> {
    await q.query(`DROP INDEX event_notification_idx`);
    await q.query(`CREATE INDEX event_notification_idx ON event (occurred_at) WHERE name IN (${names})`);
  }
}
