import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The intake → routing foundation: zones, users and desks, providers, demand lists,
 * tickets, routing rules and the event log that doubles as the transactional outbox.
 * Invariants that matter are constraints here, not only code.
 */
export class Foundation1763769600000 implements MigrationInterface {
  name = 'Foundation1763769600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE zone (
        id          uuid PRIMARY KEY,
        code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
        name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        level       text NOT NULL CHECK (level IN ('national', 'provincial', 'cultivating')),
        city        text NOT NULL CHECK (length(city) BETWEEN 1 AND 50),
        province    text NOT NULL CHECK (length(province) BETWEEN 1 AND 50),
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX zone_created_idx ON zone (created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE app_user (
        id             uuid PRIMARY KEY,
        email          text NOT NULL CHECK (email = lower(email)),
        name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        password_hash  text NOT NULL,
        role           text NOT NULL CHECK (role IN ('zone_manager', 'desk_staff', 'coordinator', 'viewer')),
        zone_id        uuid REFERENCES zone (id),
        created_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT app_user_zone_for_zone_manager CHECK ((role = 'zone_manager') = (zone_id IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (email)`);
    await q.query(`CREATE INDEX app_user_created_idx ON app_user (created_at DESC, id DESC)`);

    // One row per (desk, staff member). last_assigned_at breaks ties between equally loaded staff.
    await q.query(`
      CREATE TABLE desk_member (
        desk              text NOT NULL,
        user_id           uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        last_assigned_at  timestamptz,
        PRIMARY KEY (desk, user_id)
      )`);

    // Open tickets per staff member, kept in the transactions that assign and finish tickets,
    // so that choosing the least-loaded member reads one row instead of counting tickets.
    await q.query(`
      CREATE TABLE staff_workload (
        user_id       uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        open_tickets  integer NOT NULL DEFAULT 0 CHECK (open_tickets >= 0)
      )`);

    await q.query(`
      CREATE TABLE routing_rule (
        type                text PRIMARY KEY,
        assignment          text NOT NULL DEFAULT 'least_loaded' CHECK (assignment IN ('least_loaded', 'fixed', 'desk_only')),
        fixed_assignee_id   uuid REFERENCES app_user (id),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT routing_rule_fixed_has_assignee CHECK ((assignment = 'fixed') = (fixed_assignee_id IS NOT NULL))
      )`);
    await q.query(`
      INSERT INTO routing_rule (type) VALUES
        ('media'), ('finance'), ('training'), ('foreign_investment'), ('party_building'), ('precision_service')`);

    await q.query(`
      CREATE TABLE service_provider (
        id             uuid PRIMARY KEY,
        name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        kind           text NOT NULL CHECK (length(kind) BETWEEN 1 AND 50),
        service_types  text[] NOT NULL CHECK (cardinality(service_types) BETWEEN 1 AND 6),
        capacity       integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
        cities         text[] NOT NULL DEFAULT '{}',
        tags           text[] NOT NULL DEFAULT '{}',
        email          text NOT NULL,
        active         boolean NOT NULL DEFAULT true,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX service_provider_created_idx ON service_provider (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX service_provider_types_idx ON service_provider USING gin (service_types)`);

    await q.query(`
      CREATE TABLE demand_list (
        id                uuid PRIMARY KEY,
        zone_id           uuid NOT NULL REFERENCES zone (id),
        title             text NOT NULL,
        period            text,
        status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'cancelled')),
        filed_by          uuid NOT NULL REFERENCES app_user (id),
        idempotency_key   text,
        request_hash      text,
        item_count        integer NOT NULL CHECK (item_count BETWEEN 1 AND 200),
        created_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT demand_list_key_has_hash CHECK ((idempotency_key IS NULL) = (request_hash IS NULL))
      )`);
    // A retried submission with the same key from the same user finds the first list.
    await q.query(`CREATE UNIQUE INDEX demand_list_idempotency_key ON demand_list (filed_by, idempotency_key) WHERE idempotency_key IS NOT NULL`);
    await q.query(`CREATE INDEX demand_list_zone_idx ON demand_list (zone_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX demand_list_created_idx ON demand_list (created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE ticket (
        id              uuid PRIMARY KEY,
        demand_list_id  uuid NOT NULL REFERENCES demand_list (id),
        zone_id         uuid NOT NULL REFERENCES zone (id),
        seq             integer NOT NULL,
        type            text NOT NULL CHECK (type IN ('media', 'finance', 'training', 'foreign_investment', 'party_building', 'precision_service')),
        title           text NOT NULL,
        description     text,
        desired_by      date,
        tags            text[] NOT NULL DEFAULT '{}',
        status          text NOT NULL CHECK (status IN ('submitted', 'routed', 'triaged', 'needs_info', 'matching', 'matched', 'in_service', 'completed', 'closed', 'rejected', 'cancelled')),
        desk            text,
        assignee_id     uuid REFERENCES app_user (id),
        version         integer NOT NULL DEFAULT 1,
        created_at      timestamptz NOT NULL DEFAULT now(),
        routed_at       timestamptz,
        updated_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (demand_list_id, seq),
        CONSTRAINT ticket_routed_has_desk CHECK (status = 'submitted' OR desk IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX ticket_zone_idx ON ticket (zone_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX ticket_desk_idx ON ticket (desk, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX ticket_created_idx ON ticket (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX ticket_list_idx ON ticket (demand_list_id, seq)`);
    // Workload of a staff member = their open tickets; only open tickets are indexed.
    await q.query(`
      CREATE INDEX ticket_open_assignee_idx ON ticket (assignee_id)
      WHERE status NOT IN ('completed', 'closed', 'rejected', 'cancelled')`);
    // The reconciler's view: tickets still waiting to be routed.
    await q.query(`CREATE INDEX ticket_submitted_idx ON ticket (created_at) WHERE status = 'submitted'`);

    // The event log and transactional outbox in one table: use cases insert here in the
    // same transaction as the state change; the relay publishes rows whose published_at is null.
    await q.query(`
      CREATE TABLE event (
        seq             bigserial PRIMARY KEY,
        id              uuid NOT NULL UNIQUE,
        name            text NOT NULL,
        aggregate_type  text NOT NULL,
        aggregate_id    uuid NOT NULL,
        zone_id         uuid,
        actor_id        uuid,
        payload         jsonb NOT NULL,
        occurred_at     timestamptz NOT NULL DEFAULT now(),
        published_at    timestamptz
      )`);
    await q.query(`CREATE INDEX event_aggregate_idx ON event (aggregate_id, seq)`);
    await q.query(`CREATE INDEX event_unpublished_idx ON event (seq) WHERE published_at IS NULL`);
    // Wakes the relay at commit; polling remains the source of truth.
    await q.query(`
      CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('enterpark_outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER event_notify_outbox AFTER INSERT ON event
      FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS event, ticket, demand_list, service_provider, routing_rule, staff_workload, desk_member, app_user, zone CASCADE`);
    await q.query(`DROP FUNCTION IF EXISTS notify_outbox()`);
  }
}
