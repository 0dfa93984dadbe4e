import { MigrationInterface, QueryRunner } from 'typeorm';

const MAIL_KINDS_BEFORE = `'digest', 'match_proposed', 'info_requested', 'awaiting_confirmation', 'list_completed', 'sla_reminder', 'sla_escalation', 'ticket_assigned', 'calendar_missing', 'bulletin'`;
const MAIL_KINDS_AFTER = `${MAIL_KINDS_BEFORE}, 'problem_resolved'`;
const NOTIFICATION_EVENTS_BEFORE = `'ticket.match_proposed', 'ticket.info_requested', 'ticket.service_completed', 'demand_list.completed', 'ticket.sla_breached', 'ticket.sla_escalated', 'ticket.routed', 'ticket.assigned', 'ticket.sla_unscheduled'`;

/**
 * 一类问题归集 and 经验模板 (issue 13 items 2-3).
 *
 * `problem` / `problem_ticket`: coordinators group tickets of many zones into one problem. A
 * ticket belongs to at most one problem (`problem_ticket` keyed by ticket), so a zone hears one
 * resolution per ticket. `zone_id` is copied from the ticket (it never changes) for the counts.
 *
 * `experience_template`: a closed, well-rated ticket written up for reuse (at most one per
 * ticket); `template_use`: which ticket used which template, once per pair.
 *
 * `ticket.problem_resolved` joins the notification events (its partial index names them all);
 * the mail kinds gain `problem_resolved`.
 */
export class ProblemsAndTemplates1765300000000 implements MigrationInterface {
  name = 'ProblemsAndTemplates1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE problem (
        id           uuid PRIMARY KEY,
        title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description  text CHECK (length(description) <= 2000),
        status       text NOT NULL CHECK (status IN ('open', 'resolved')),
        resolution   text CHECK (length(resolution) <= 2000),
        created_by   uuid NOT NULL REFERENCES app_user (id),
        created_at   timestamptz NOT NULL,
        resolved_by  uuid REFERENCES app_user (id),
        resolved_at  timestamptz,
        CONSTRAINT problem_resolved_has_resolution CHECK ((status = 'resolved') = (resolution IS NOT NULL AND resolved_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX problem_page_idx ON problem (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX problem_resolved_at_idx ON problem (resolved_at) WHERE status = 'resolved'`);
    await q.query(`
      CREATE TABLE problem_ticket (
        ticket_id   uuid PRIMARY KEY REFERENCES ticket (id),
        problem_id  uuid NOT NULL REFERENCES problem (id),
        zone_id     uuid NOT NULL REFERENCES zone (id),
        linked_by   uuid NOT NULL REFERENCES app_user (id),
        linked_at   timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX problem_ticket_problem_idx ON problem_ticket (problem_id, zone_id)`);
    await q.query(`CREATE INDEX problem_ticket_zone_idx ON problem_ticket (zone_id, problem_id)`);

    await q.query(`
      CREATE TABLE experience_template (
        id               uuid PRIMARY KEY,
        source_ticket_id uuid NOT NULL UNIQUE REFERENCES ticket (id),
        type             text NOT NULL,
        title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        demand           text NOT NULL CHECK (length(demand) <= 4000),
        steps            jsonb NOT NULL,
        outcome          text NOT NULL CHECK (length(outcome) <= 2000),
        provider_kind    text,
        rating           smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        status           text NOT NULL CHECK (status IN ('draft', 'published')),
        owner_id         uuid NOT NULL REFERENCES app_user (id),
        created_at       timestamptz NOT NULL,
        updated_at       timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX experience_template_page_idx ON experience_template (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX experience_template_published_idx ON experience_template (type) WHERE status = 'published'`);
    await q.query(`
      CREATE TABLE template_use (
        template_id uuid NOT NULL REFERENCES experience_template (id),
        ticket_id   uuid NOT NULL REFERENCES ticket (id),
        used_by     uuid NOT NULL REFERENCES app_user (id),
        used_at     timestamptz NOT NULL,
        PRIMARY KEY (template_id, ticket_id)
      )`);
    await q.query(`CREATE INDEX template_use_ticket_idx ON template_use (ticket_id)`);

    await this.kinds(q, MAIL_KINDS_AFTER);
    await this.notificationIndex(q, `${NOTIFICATION_EVENTS_BEFORE}, 'ticket.problem_resolved'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.notificationIndex(q, NOTIFICATION_EVENTS_BEFORE);
    await q.query(`DELETE FROM mail_message WHERE kind = 'problem_resolved'`);
    await this.kinds(q, MAIL_KINDS_BEFORE);
    await q.query(`DROP TABLE template_use, experience_template, problem_ticket, problem`);
  }

  private async kinds(q: QueryRunner, kinds: string): Promise<void> {
    await q.query(`ALTER TABLE mail_message DROP CONSTRAINT mail_message_kind_check, ADD CONSTRAINT mail_message_kind_check CHECK (kind IN (${kinds}))`);
  }

  private async notificationIndex(q: QueryRunner, names: string): Promise<void> {
    await q.query(`DROP INDEX event_notification_idx`);
    await q.query(`CREATE INDEX event_notification_idx ON event (occurred_at) WHERE name IN (${names})`);
  }
}
