import { MigrationInterface, QueryRunner } from 'typeorm';

const MAIL_KINDS_BEFORE = `'digest', 'match_proposed', 'info_requested', 'awaiting_confirmation', 'list_completed', 'sla_reminder', 'sla_escalation', 'ticket_assigned'`;
const NOTIFICATION_EVENTS_BEFORE = `'ticket.match_proposed', 'ticket.info_requested', 'ticket.service_completed', 'demand_list.completed', 'ticket.sla_breached', 'ticket.sla_escalated', 'ticket.routed', 'ticket.assigned'`;

/**
 * Coordinators are told by email when deadlines wait for a year without a working-day
 * calendar: a mail kind of its own, and `ticket.sla_unscheduled` among the events the
 * reconciler's partial index over notification events covers (its query names them all).
 */
export class CalendarMissingMail1764806400000 implements MigrationInterface {
  name = 'CalendarMissingMail1764806400000';

  async up(q: QueryRunner): Promise<void> {
    await this.kinds(q, `${MAIL_KINDS_BEFORE}, 'calendar_missing'`);
    await this.notificationIndex(q, `${NOTIFICATION_EVENTS_BEFORE}, 'ticket.sla_unscheduled'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.notificationIndex(q, NOTIFICATION_EVENTS_BEFORE);
    await q.query(`DELETE FROM mail_message WHERE kind = 'calendar_missing'`);
    await this.kinds(q, MAIL_KINDS_BEFORE);
  }

  private async kinds(q: QueryRunner, kinds: string): Promise<void> {
    await q.query(`ALTER TABLE mail_message DROP CONSTRAINT mail_message_kind_check, ADD CONSTRAINT mail_message_kind_check CHECK (kind IN (${kinds}))`);
  }

  private async notificationIndex(q: QueryRunner, names: string): Promise<void> {
    await q.query(`DROP INDEX event_notification_idx`);
    await q.query(`CREATE INDEX event_notification_idx ON event (occurred_at) WHERE name IN (${names})`);
  }
}
