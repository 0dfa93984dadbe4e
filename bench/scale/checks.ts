import { Pool } from 'pg';
import { SUBSCRIPTIONS } from '@enterpark/events';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Events the notifications queue consumes: each must end with a receipt. */
export const NOTIFIED = Object.entries(SUBSCRIPTIONS).filter(([, queues]) => (queues as readonly string[]).includes('notifications')).map(([name]) => name);

/** Work still owed, over the whole database: every count must reach 0 for the run to have settled. */
const PENDING = `
  SELECT (SELECT count(*) FROM ticket WHERE status = 'submitted')::int AS unrouted,
         (SELECT count(*) FROM ticket WHERE status = 'triaged' AND matching_escalated_at IS NULL)::int AS unproposed,
         (SELECT count(*) FROM event WHERE published_at IS NULL)::int AS unpublished,
         (SELECT count(*) FROM event e WHERE e.name = ANY($1) AND NOT EXISTS (SELECT 1 FROM notification_receipt r WHERE r.event_id = e.id))::int AS unnotified,
         (SELECT count(*) FROM mail_message WHERE status IN ('queued', 'sending'))::int AS unsent`;

export interface Pending {
  unrouted: number;
  unproposed: number;
  unpublished: number;
  unnotified: number;
  unsent: number;
}

export const total = (p: Pending) => p.unrouted + p.unproposed + p.unpublished + p.unnotified + p.unsent;

/** Waits until nothing is owed (answers the epoch ms it settled) or the time is up (answers what is still owed). */
export async function waitSettled(db: Pool, timeoutMs: number, signal: AbortSignal): Promise<{ settledAt: number | null; pending: Pending }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    signal.throwIfAborted();
    const pending: Pending = (await db.query(PENDING, [NOTIFIED])).rows[0];
    if (total(pending) === 0) return { settledAt: Date.now(), pending };
    if (Date.now() > deadline) return { settledAt: null, pending };
    await sleep(200);
  }
}

/** A few of the items still owed, for the log: what is stuck and why. */
export async function stuckSample(db: Pool): Promise<string> {
  const { rows: mail } = await db.query(
    `SELECT status, attempts, lease_until > now() AS leased, left(coalesce(last_error, ''), 80) AS error FROM mail_message
      WHERE status IN ('queued', 'sending') ORDER BY updated_at LIMIT 5`,
  );
  const { rows: events } = await db.query(
    `SELECT e.name, count(*)::int AS n, min(e.occurred_at) AS oldest, bool_or(e.published_at IS NULL) AS unpublished FROM event e
      WHERE e.name = ANY($1) AND NOT EXISTS (SELECT 1 FROM notification_receipt r WHERE r.event_id = e.id) GROUP BY e.name`,
    [NOTIFIED],
  );
  return `mail ${JSON.stringify(mail)}; unnotified events ${JSON.stringify(events)}`;
}

/** What the database says about one configuration's tickets (its lists' `period`), after it settled. */
export interface Integrity {
  tickets: number;
  /** Routed between the load's start and its end, for items/s. */
  routedDuringLoad: number;
  p50Ms: number;
  p99Ms: number;
  accepted: number;
  proposed: number;
  escalated: number;
  mails: number;
  /** Filed but never routed; accepted but neither proposed nor escalated. */
  lost: number;
  /** More than one ticket.routed for a ticket without a reroute. */
  duplicateRoutings: number;
  /** More than one open proposal for a ticket, or more ticket.match_proposed than acceptances, declines and expiries allow. */
  duplicateProposals: number;
  /** More than one stored message per dedupe key or Message-ID, or per (ticket, kind, recipient) for the once-per-ticket mails. */
  duplicateEmails: number;
}

const INTEGRITY = `
  WITH t AS (SELECT t.id, t.status, t.created_at, t.routed_at, t.matching_escalated_at
               FROM ticket t JOIN demand_list l ON l.id = t.demand_list_id WHERE l.period LIKE $1),
       e AS (SELECT e.aggregate_id, e.name FROM event e JOIN t ON t.id = e.aggregate_id),
       per AS (SELECT aggregate_id,
                      count(*) FILTER (WHERE name = 'ticket.routed') AS routed,
                      count(*) FILTER (WHERE name = 'ticket.rerouted') AS rerouted,
                      count(*) FILTER (WHERE name = 'ticket.accepted') AS accepted,
                      count(*) FILTER (WHERE name = 'ticket.match_proposed') AS proposed,
                      count(*) FILTER (WHERE name IN ('ticket.match_declined', 'ticket.match_expired')) AS ended
                 FROM e GROUP BY aggregate_id),
       m AS (SELECT ev.aggregate_id AS ticket_id, mm.kind, mm.to_address, mm.dedupe_key, mm.message_id
               FROM mail_message mm
               JOIN event ev ON mm.dedupe_key ~ '^ticket\\.[a-z_]+:[0-9a-f-]{36}:' AND ev.id = split_part(mm.dedupe_key, ':', 2)::uuid
               JOIN t ON t.id = ev.aggregate_id)
  SELECT (SELECT count(*) FROM t)::int AS tickets,
         (SELECT count(*) FROM t WHERE routed_at <= to_timestamp($2 / 1000.0))::int AS routed_during_load,
         (SELECT percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM routed_at - created_at) * 1000) FROM t) AS p,
         (SELECT count(*) FROM per WHERE accepted > 0)::int AS accepted,
         (SELECT count(*) FROM per WHERE proposed > 0)::int AS proposed,
         (SELECT count(*) FROM t WHERE matching_escalated_at IS NOT NULL)::int AS escalated,
         (SELECT count(*) FROM m)::int AS mails,
         (SELECT count(*) FROM t WHERE routed_at IS NULL OR (status = 'triaged' AND matching_escalated_at IS NULL))::int AS lost,
         (SELECT count(*) FROM per WHERE routed > 1 + rerouted)::int AS duplicate_routings,
         ((SELECT count(*) FROM per WHERE proposed > accepted + ended)
          + (SELECT count(*) FROM (SELECT ticket_id FROM ticket_match JOIN t ON t.id = ticket_id
                                    WHERE ticket_match.status IN ('proposed', 'accepted') GROUP BY ticket_id HAVING count(*) > 1) x))::int AS duplicate_proposals,
         ((SELECT count(*) - count(DISTINCT dedupe_key) FROM m) + (SELECT count(*) - count(DISTINCT message_id) FROM m)
          + (SELECT count(*) FROM (SELECT 1 FROM m GROUP BY ticket_id, kind, to_address HAVING count(*) > 1) x))::int AS duplicate_emails`;

export async function integrity(db: Pool, period: string, loadEndedAt: number): Promise<Integrity> {
  const r = (await db.query(INTEGRITY, [period, loadEndedAt])).rows[0];
  const [p50Ms, p99Ms] = (r.p as number[] | null) ?? [NaN, NaN];
  return {
    tickets: r.tickets, routedDuringLoad: r.routed_during_load, p50Ms, p99Ms,
    accepted: r.accepted, proposed: r.proposed, escalated: r.escalated, mails: r.mails,
    lost: r.lost, duplicateRoutings: r.duplicate_routings, duplicateProposals: r.duplicate_proposals, duplicateEmails: r.duplicate_emails,
  };
}
