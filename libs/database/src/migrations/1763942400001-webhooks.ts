import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed webhooks. An endpoint subscribes to event names; a dispatcher tails the event log
 * behind one stored cursor and writes one `webhook_delivery` per (endpoint, event), which the
 * unique key keeps to exactly one however often the same range is fanned out.
 */
export class Webhooks1763942400001 implements MigrationInterface {
  name = 'Webhooks1763942400001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoint (
        id               uuid PRIMARY KEY,
        url              text NOT NULL CHECK (length(url) BETWEEN 8 AND 2048),
        events           text[] NOT NULL CHECK (cardinality(events) BETWEEN 1 AND 50),
        description      text CHECK (length(description) BETWEEN 1 AND 200),
        secret           text NOT NULL CHECK (secret LIKE 'whsec\\_%'),
        created_by       uuid NOT NULL REFERENCES app_user (id),
        created_at       timestamptz NOT NULL,
        -- Events of transactions that got their id after this one are delivered: "from registration on".
        created_tx_id    xid8 NOT NULL DEFAULT pg_current_xact_id(),
        disabled_at      timestamptz,
        disabled_reason  text,
        deleted_at       timestamptz,
        deleted_by       uuid REFERENCES app_user (id),
        CONSTRAINT webhook_endpoint_deleted_by_someone CHECK ((deleted_at IS NULL) = (deleted_by IS NULL))
      )`);
    await q.query(`CREATE INDEX webhook_endpoint_listed_idx ON webhook_endpoint (created_at DESC, id DESC) WHERE deleted_at IS NULL`);

    await q.query(`
      CREATE TABLE webhook_delivery (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        endpoint_id       uuid NOT NULL REFERENCES webhook_endpoint (id),
        event_id          uuid NOT NULL REFERENCES event (id),
        event_name        text NOT NULL,
        status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'delivered', 'failed', 'cancelled')),
        attempts          integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        -- pending: when the next try is due; sending: when the lease runs out and another worker may take over.
        next_attempt_at   timestamptz NOT NULL DEFAULT now(),
        last_status_code  integer,
        last_error        text CHECK (length(last_error) <= 1000),
        last_response     text CHECK (length(last_response) <= 1024),
        created_at        timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        finished_at       timestamptz,
        CONSTRAINT webhook_delivery_once UNIQUE (endpoint_id, event_id)
      )`);
    await q.query(`CREATE INDEX webhook_delivery_log_idx ON webhook_delivery (endpoint_id, created_at DESC, id DESC)`);
    // The re-drive's question: which unfinished deliveries are due (and may have lost their job)?
    await q.query(`CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status IN ('pending', 'sending')`);

    // Where the fan-out stands in the event feed's (tx_id, seq) order; one row, moved compare-and-set.
    await q.query(`
      CREATE TABLE webhook_cursor (
        name        text PRIMARY KEY,
        tx_id       xid8 NOT NULL,
        seq         bigint NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO webhook_cursor (name, tx_id, seq) VALUES ('fanout', '0', 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_cursor`);
    await q.query(`DROP TABLE webhook_delivery`);
    await q.query(`DROP TABLE webhook_endpoint`);
  }
}
