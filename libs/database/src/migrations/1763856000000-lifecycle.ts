import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Everything after routing: triage fields and stage timestamps on the ticket, working-day
 * SLA timers, one-to-one matches with provider capacity, service activities, completion
 * summaries and the working-day calendar overrides. The timers live here (deadline columns
 * with partial indexes): the queue only wakes up the sweep that reads them.
 */
export class Lifecycle1763856000000 implements MigrationInterface {
  name = 'Lifecycle1763856000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket DROP CONSTRAINT ticket_status_check`);
    await q.query(`
      ALTER TABLE ticket
        ADD CONSTRAINT ticket_status_check CHECK (status IN ('submitted', 'routed', 'triaged', 'needs_info', 'returned', 'matching',
                                                             'matched', 'in_service', 'completed', 'closed', 'rejected', 'cancelled')),
        ADD COLUMN priority             text CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        ADD COLUMN due_at               timestamptz,
        ADD COLUMN accepted_at          timestamptz,
        ADD COLUMN matched_at           timestamptz,
        ADD COLUMN first_activity_at    timestamptz,
        ADD COLUMN completed_at         timestamptz,
        ADD COLUMN closed_at            timestamptz,
        ADD COLUMN provider_id          uuid REFERENCES service_provider (id),
        ADD COLUMN outcome              text,
        ADD COLUMN rating               smallint CHECK (rating BETWEEN 1 AND 5),
        ADD COLUMN round                integer NOT NULL DEFAULT 1 CHECK (round >= 1),
        ADD COLUMN activity_count       integer NOT NULL DEFAULT 0 CHECK (activity_count BETWEEN 0 AND 500),
        ADD COLUMN matching_escalated_at timestamptz,
        ADD COLUMN sla_stage            text CHECK (sla_stage IN ('triage', 'matching', 'service')),
        ADD COLUMN sla_started_at       timestamptz,
        ADD COLUMN sla_due_at           timestamptz,
        ADD COLUMN sla_breached_at      timestamptz,
        ADD COLUMN sla_escalate_at      timestamptz,
        ADD COLUMN sla_escalated_at     timestamptz,
        ADD COLUMN sla_breaches         integer NOT NULL DEFAULT 0,
        ADD CONSTRAINT ticket_matched_has_provider CHECK (status NOT IN ('matched', 'in_service', 'completed', 'closed') OR provider_id IS NOT NULL)`);
    // The SLA sweep's three questions, each answered from a small partial index.
    await q.query(`CREATE INDEX ticket_sla_due_idx ON ticket (sla_due_at) WHERE sla_stage IS NOT NULL AND sla_breached_at IS NULL`);
    await q.query(`CREATE INDEX ticket_sla_escalate_idx ON ticket (sla_escalate_at) WHERE sla_escalated_at IS NULL AND sla_breached_at IS NOT NULL`);
    await q.query(`CREATE INDEX ticket_sla_unscheduled_idx ON ticket (id) WHERE sla_stage IS NOT NULL AND sla_due_at IS NULL`);
    await q.query(`CREATE INDEX ticket_provider_idx ON ticket (provider_id) WHERE provider_id IS NOT NULL`);
    // The reconciler's views: tickets waiting on a matching or completion job.
    await q.query(`CREATE INDEX ticket_awaiting_proposal_idx ON ticket (updated_at) WHERE status = 'triaged' AND matching_escalated_at IS NULL`);
    await q.query(`CREATE INDEX ticket_completed_idx ON ticket (completed_at) WHERE status = 'completed'`);
    await q.query(`CREATE INDEX ticket_closed_idx ON ticket (closed_at) WHERE status IN ('closed', 'rejected', 'cancelled')`);
    await q.query(`CREATE INDEX demand_list_open_idx ON demand_list (created_at) WHERE status = 'open'`);

    await q.query(`ALTER TABLE demand_list ADD COLUMN completed_at timestamptz`);

    // GET /events reads in (transaction id, seq) order and only up to the oldest transaction
    // still running: an event committed late can never land behind a reader's cursor.
    await q.query(`ALTER TABLE event ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id()`);
    await q.query(`CREATE INDEX event_tx_idx ON event (tx_id, seq)`);

    await q.query(`
      ALTER TABLE service_provider
        ADD COLUMN province        text NOT NULL DEFAULT '安徽省' CHECK (length(province) BETWEEN 1 AND 50),
        ADD COLUMN active_matches  integer NOT NULL DEFAULT 0,
        ADD COLUMN rating_sum      integer NOT NULL DEFAULT 0 CHECK (rating_sum >= 0),
        ADD COLUMN rating_count    integer NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
        ADD CONSTRAINT service_provider_within_capacity CHECK (active_matches BETWEEN 0 AND capacity)`);

    // A proposal or an active match. "open" = proposed or accepted: at most one per ticket,
    // and every open one counts against its provider's capacity (kept by the trigger below).
    await q.query(`
      CREATE TABLE ticket_match (
        id              uuid PRIMARY KEY,
        ticket_id       uuid NOT NULL REFERENCES ticket (id),
        provider_id     uuid NOT NULL REFERENCES service_provider (id),
        status          text NOT NULL CHECK (status IN ('proposed', 'accepted', 'declined', 'expired', 'withdrawn', 'ended')),
        origin          text NOT NULL CHECK (origin IN ('ranked', 'manual')),
        reasons         jsonb NOT NULL DEFAULT '{}',
        proposed_at     timestamptz NOT NULL,
        expires_at      timestamptz,
        answered_at     timestamptz,
        answered_by     uuid REFERENCES app_user (id),
        answered_via    text CHECK (answered_via IN ('staff', 'link')),
        decline_reason  text CHECK (length(decline_reason) <= 500),
        ended_at        timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX ticket_match_one_open ON ticket_match (ticket_id) WHERE status IN ('proposed', 'accepted')`);
    await q.query(`CREATE INDEX ticket_match_ticket_idx ON ticket_match (ticket_id, proposed_at)`);
    await q.query(`CREATE INDEX ticket_match_expiry_idx ON ticket_match (expires_at) WHERE status = 'proposed'`);
    await q.query(`CREATE INDEX ticket_match_unscheduled_idx ON ticket_match (id) WHERE status = 'proposed' AND expires_at IS NULL`);
    await q.query(`
      CREATE FUNCTION ticket_match_count_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        was_open int := CASE WHEN TG_OP = 'UPDATE' AND OLD.status IN ('proposed', 'accepted') THEN 1 ELSE 0 END;
        is_open  int := CASE WHEN NEW.status IN ('proposed', 'accepted') THEN 1 ELSE 0 END;
      BEGIN
        IF is_open <> was_open THEN
          UPDATE service_provider SET active_matches = active_matches + is_open - was_open WHERE id = NEW.provider_id;
        END IF;
        RETURN NULL;
      END $$`);
    // The capacity CHECK on service_provider refuses the insert that would overfill a provider.
    await q.query(`
      CREATE TRIGGER ticket_match_capacity AFTER INSERT OR UPDATE OF status ON ticket_match
      FOR EACH ROW EXECUTE FUNCTION ticket_match_count_capacity()`);

    await q.query(`
      CREATE TABLE ticket_activity (
        id           uuid PRIMARY KEY,
        ticket_id    uuid NOT NULL REFERENCES ticket (id),
        day          date NOT NULL,
        kind         text NOT NULL CHECK (kind IN ('visit', 'meeting', 'training_session', 'media_coverage', 'financing_session', 'other')),
        notes        text NOT NULL CHECK (length(notes) BETWEEN 1 AND 2000),
        recorded_by  uuid NOT NULL REFERENCES app_user (id),
        recorded_at  timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ticket_activity_ticket_idx ON ticket_activity (ticket_id, recorded_at)`);

    // Working-day targets per type (working days); coordinators edit them.
    await q.query(`
      CREATE TABLE sla_target (
        type           text PRIMARY KEY,
        triage_days    integer NOT NULL DEFAULT 2 CHECK (triage_days BETWEEN 1 AND 60),
        matching_days  integer NOT NULL DEFAULT 5 CHECK (matching_days BETWEEN 1 AND 60),
        service_days   integer NOT NULL DEFAULT 20 CHECK (service_days BETWEEN 1 AND 250),
        updated_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO sla_target (type) VALUES
        ('media'), ('finance'), ('training'), ('foreign_investment'), ('party_building'), ('precision_service')`);

    // One summary per ticket, kind and round (a reopened ticket completes again in a new round).
    await q.query(`
      CREATE TABLE ticket_summary (
        ticket_id   uuid NOT NULL REFERENCES ticket (id),
        kind        text NOT NULL CHECK (kind IN ('completed', 'closed')),
        round       integer NOT NULL,
        summary     jsonb NOT NULL,
        created_at  timestamptz NOT NULL,
        PRIMARY KEY (ticket_id, kind, round)
      )`);
    await q.query(`
      CREATE TABLE demand_list_summary (
        demand_list_id  uuid PRIMARY KEY REFERENCES demand_list (id),
        summary         jsonb NOT NULL,
        created_at      timestamptz NOT NULL
      )`);

    // The official calendar comes from the chinese-days package; these rows correct it and
    // extend it to years the package does not know (a year is known once it is published here).
    await q.query(`
      CREATE TABLE calendar_year (
        year          integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        published_by  uuid REFERENCES app_user (id),
        published_at  timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE calendar_day (
        day         date PRIMARY KEY,
        kind        text NOT NULL CHECK (kind IN ('holiday', 'workday')),
        name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
        updated_by  uuid REFERENCES app_user (id),
        updated_at  timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS calendar_day, calendar_year, demand_list_summary, ticket_summary, sla_target, ticket_activity, ticket_match CASCADE`);
    await q.query(`DROP FUNCTION IF EXISTS ticket_match_count_capacity()`);
    await q.query(`
      ALTER TABLE service_provider DROP CONSTRAINT service_provider_within_capacity,
        DROP COLUMN province, DROP COLUMN active_matches, DROP COLUMN rating_sum, DROP COLUMN rating_count`);
    await q.query(`ALTER TABLE demand_list DROP COLUMN completed_at`);
    await q.query(`ALTER TABLE event DROP COLUMN tx_id`);
    await q.query(`
      ALTER TABLE ticket DROP CONSTRAINT ticket_matched_has_provider,
        DROP COLUMN priority, DROP COLUMN due_at, DROP COLUMN accepted_at, DROP COLUMN matched_at, DROP COLUMN first_activity_at,
        DROP COLUMN completed_at, DROP COLUMN closed_at, DROP COLUMN provider_id, DROP COLUMN outcome, DROP COLUMN rating,
        DROP COLUMN round, DROP COLUMN activity_count, DROP COLUMN matching_escalated_at, DROP COLUMN sla_stage, DROP COLUMN sla_started_at, DROP COLUMN sla_due_at,
        DROP COLUMN sla_breached_at, DROP COLUMN sla_escalate_at, DROP COLUMN sla_escalated_at, DROP COLUMN sla_breaches`);
  }
}
