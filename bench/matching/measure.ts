import { Pool } from 'pg';

/**
 * Accepted tickets still waiting for a proposal. Phases run one after another and each
 * drains before the next starts, so all of them belong to the current phase; an
 * escalated ticket (no candidate left) waits for a person and is not pending here.
 */
export const AWAITING_PROPOSAL = `SELECT count(*)::int AS n FROM ticket WHERE status = 'triaged' AND matching_escalated_at IS NULL`;

export interface ProposalStats {
  tickets: number;
  /** Tickets of the phase with a `ticket.accepted` event, with a `ticket.match_proposed` one, escalated instead. */
  accepted: number;
  proposed: number;
  escalated: number;
  /** accepted → proposed: occurred_at of ticket.match_proposed − occurred_at of ticket.accepted. */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Its first part: ticket.accepted occurred_at → the relay's claim of it (the event's published_at). */
  relayP50Ms: number;
  relayP99Ms: number;
  /** Its second part: the relay's claim → the matching transaction's start (queue hop, job pickup, pool wait). */
  hopP50Ms: number;
  hopP99Ms: number;
  /** Epoch ms of the phase's last proposal. */
  lastProposedAt: number;
}

/** Latency and counts of the tickets of one phase (the phase name is their lists' `period`). */
export async function proposalStats(db: Pool, period: string): Promise<ProposalStats> {
  const { rows } = await db.query(
    `WITH t AS (
       SELECT t.id, t.matching_escalated_at FROM ticket t JOIN demand_list l ON l.id = t.demand_list_id WHERE l.period = $1),
     a AS (
       SELECT e.aggregate_id AS id, e.occurred_at, e.published_at FROM event e JOIN t ON t.id = e.aggregate_id
        WHERE e.name = 'ticket.accepted'),
     p AS (
       SELECT e.aggregate_id AS id, min(e.occurred_at) AS occurred_at FROM event e JOIN t ON t.id = e.aggregate_id
        WHERE e.name = 'ticket.match_proposed' GROUP BY e.aggregate_id),
     j AS (
       SELECT p.occurred_at AS proposed_at,
              extract(epoch FROM p.occurred_at - a.occurred_at) * 1000 AS ms,
              extract(epoch FROM a.published_at - a.occurred_at) * 1000 AS relay_ms,
              extract(epoch FROM p.occurred_at - a.published_at) * 1000 AS hop_ms
         FROM a LEFT JOIN p USING (id))
     SELECT (SELECT count(*) FROM t)::int AS tickets,
            (SELECT count(*) FROM t WHERE matching_escalated_at IS NOT NULL)::int AS escalated,
            count(*)::int AS accepted,
            count(proposed_at)::int AS proposed,
            percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY ms) AS p,
            percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY relay_ms) AS relay,
            percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY hop_ms) AS hop,
            max(ms)::float8 AS max_ms,
            (extract(epoch FROM max(proposed_at)) * 1000)::float8 AS last_proposed_at
       FROM j`,
    [period],
  );
  const r = rows[0];
  const [p50Ms, p95Ms, p99Ms]: number[] = r.p ?? [NaN, NaN, NaN];
  const [relayP50Ms, relayP99Ms]: number[] = r.relay ?? [NaN, NaN];
  const [hopP50Ms, hopP99Ms]: number[] = r.hop ?? [NaN, NaN];
  return {
    tickets: r.tickets,
    accepted: r.accepted,
    proposed: r.proposed,
    escalated: r.escalated,
    p50Ms, p95Ms, p99Ms,
    maxMs: r.max_ms ?? NaN,
    relayP50Ms, relayP99Ms, hopP50Ms, hopP99Ms,
    lastProposedAt: r.last_proposed_at ?? NaN,
  };
}

/** How full the fullest provider got, and how many providers received proposals: capacity must never run out. */
export async function providerLoad(db: Pool): Promise<{ maxLoad: number; used: number; providers: number }> {
  const { rows } = await db.query(
    `SELECT max(active_matches::float8 / capacity) AS max_load, count(*) FILTER (WHERE active_matches > 0)::int AS used, count(*)::int AS providers
       FROM service_provider`,
  );
  return { maxLoad: rows[0].max_load, used: rows[0].used, providers: rows[0].providers };
}
