import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing mail and weekly digests. Every message is a row before it is sent (compose,
 * then send); a dedupe key per message makes "exactly once per event / per digest" an
 * index, and one `digest` row per (recipient, ISO week) makes a second digest impossible.
 */
export class MailAndDigests1763942400000 implements MigrationInterface {
  name = 'MailAndDigests1763942400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_message (
        id                 uuid PRIMARY KEY,
        dedupe_key         text NOT NULL CHECK (length(dedupe_key) BETWEEN 1 AND 200),
        kind               text NOT NULL CHECK (kind IN ('digest', 'match_proposed', 'info_requested', 'awaiting_confirmation',
                                                          'list_completed', 'sla_reminder', 'sla_escalation')),
        category           text NOT NULL CHECK (category IN ('digest', 'notification')),
        recipient_user_id  uuid REFERENCES app_user (id),
        to_address         text NOT NULL CHECK (length(to_address) BETWEEN 3 AND 254),
        to_name            text CHECK (length(to_name) <= 100),
        subject            text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
        html               text NOT NULL,
        text_body          text NOT NULL,
        inline_images      jsonb NOT NULL DEFAULT '[]',
        unsubscribe_url    text,
        message_id         text NOT NULL,
        status             text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'suppressed', 'skipped')),
        attempts           integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        lease_until        timestamptz,
        last_error         text,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        sent_at            timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX mail_message_dedupe_key ON mail_message (dedupe_key)`);
    await q.query(`CREATE UNIQUE INDEX mail_message_message_id_key ON mail_message (message_id)`);
    // The reconciler's question: which stored messages have not reached an end state?
    await q.query(`CREATE INDEX mail_message_pending_idx ON mail_message (updated_at) WHERE status IN ('queued', 'sending')`);
    await q.query(`CREATE INDEX mail_message_recipient_idx ON mail_message (recipient_user_id, created_at DESC) WHERE recipient_user_id IS NOT NULL`);

    // Addresses that failed permanently (5xx from the server): never tried again.
    await q.query(`
      CREATE TABLE mail_suppression (
        address     text PRIMARY KEY CHECK (address = lower(address)),
        reason      text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);

    // Per-user opt-outs; no row means "everything on".
    await q.query(`
      CREATE TABLE mail_preference (
        user_id        uuid PRIMARY KEY REFERENCES app_user (id),
        digest         boolean NOT NULL DEFAULT true,
        notifications  boolean NOT NULL DEFAULT true,
        updated_at     timestamptz NOT NULL DEFAULT now(),
        updated_by     uuid REFERENCES app_user (id)
      )`);

    await q.query(`
      CREATE TABLE digest (
        recipient_id     uuid NOT NULL REFERENCES app_user (id),
        week             text NOT NULL CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
        role             text NOT NULL CHECK (role IN ('zone_manager', 'desk_staff', 'coordinator', 'viewer')),
        status           text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'composed', 'skipped')),
        mail_message_id  uuid REFERENCES mail_message (id),
        created_at       timestamptz NOT NULL DEFAULT now(),
        composed_at      timestamptz,
        PRIMARY KEY (recipient_id, week),
        CONSTRAINT digest_composed_has_message CHECK ((status = 'composed') = (mail_message_id IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX digest_mail_message_key ON digest (mail_message_id) WHERE mail_message_id IS NOT NULL`);
    await q.query(`CREATE INDEX digest_planned_idx ON digest (created_at) WHERE status = 'planned'`);
    // Which weeks have been planned: where a catch-up after downtime starts.
    await q.query(`
      CREATE TABLE digest_week (
        week        text PRIMARY KEY CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
        planned_at  timestamptz NOT NULL DEFAULT now(),
        recipients  integer NOT NULL CHECK (recipients >= 0)
      )`);

    // The notifications consumer's inbox: one row per handled event, written with its messages
    // (also when the event mails nobody, or can never be handled: `error`), so the reconciler
    // can tell a lost job from "no one to tell".
    await q.query(`
      CREATE TABLE notification_receipt (
        event_id    uuid PRIMARY KEY,
        messages    integer NOT NULL CHECK (messages >= 0),
        error       text,
        handled_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE INDEX event_notification_idx ON event (occurred_at)
       WHERE name IN ('ticket.match_proposed', 'ticket.info_requested', 'ticket.service_completed',
                      'demand_list.completed', 'ticket.sla_breached', 'ticket.sla_escalated')`);

    // The digest's questions. A week's stages (filed, routed, matched, completed, closed) all
    // move updated_at, so "touched since the week began" finds them: per zone (one manager's
    // digest) and across the province (the board shared by desks and coordinators). Open work
    // is the small partial index; the digest queries repeat its predicate word for word.
    await q.query(`CREATE INDEX ticket_zone_touched_idx ON ticket (zone_id, updated_at)`);
    await q.query(`CREATE INDEX ticket_touched_idx ON ticket (updated_at)`);
    await q.query(`CREATE INDEX ticket_open_zone_idx ON ticket (zone_id) WHERE status NOT IN ('closed', 'rejected', 'cancelled')`);
    // The league table reads the week's completion summaries.
    await q.query(`CREATE INDEX ticket_summary_created_idx ON ticket_summary (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ticket_summary_created_idx`);
    await q.query(`DROP INDEX ticket_open_zone_idx`);
    await q.query(`DROP INDEX ticket_touched_idx`);
    await q.query(`DROP INDEX ticket_zone_touched_idx`);
    await q.query(`DROP INDEX event_notification_idx`);
    await q.query(`DROP TABLE notification_receipt`);
    await q.query(`DROP TABLE digest_week`);
    await q.query(`DROP TABLE digest`);
    await q.query(`DROP TABLE mail_preference`);
    await q.query(`DROP TABLE mail_suppression`);
    await q.query(`DROP TABLE mail_message`);
  }
}
