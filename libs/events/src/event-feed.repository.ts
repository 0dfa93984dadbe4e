import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AggregateType, EventName } from './event-catalogue';
import { FeedPosition } from './event-cursor';

export interface FeedEvent {
  position: FeedPosition;
  id: string;
  seq: string;
  name: EventName;
  aggregateType: AggregateType;
  aggregateId: string;
  zoneId: string | null;
  actorId: string | null;
  occurredAt: Date;
  payload: unknown;
}

interface FeedRow {
  horizon: string;
  tx_id: string | null;
  seq: string;
  id: string;
  name: EventName;
  aggregate_type: AggregateType;
  aggregate_id: string;
  zone_id: string | null;
  actor_id: string | null;
  occurred_at: Date;
  payload: unknown;
}

/** The horizon `h.xmin` of the statement's snapshot, narrowed to this database (see EventFeedRepository). */
const HORIZON_CTE = `
  WITH s AS MATERIALIZED (SELECT pg_current_snapshot() AS snap),
       elsewhere AS MATERIALIZED (
         SELECT a.backend_xid FROM pg_stat_activity a
          WHERE a.backend_xid IS NOT NULL
            AND a.datid IS DISTINCT FROM (SELECT oid FROM pg_database WHERE datname = current_database())),
       h AS MATERIALIZED (
         SELECT coalesce(
                  (SELECT min(x) FROM pg_snapshot_xip(s.snap) AS x WHERE xid(x) NOT IN (SELECT backend_xid FROM elsewhere)),
                  pg_snapshot_xmax(s.snap)) AS xmin
           FROM s)`;

/**
 * The event log in one total order that late commits cannot break. `seq` alone is not
 * safe: a transaction can take a seq, commit after a later one, and land behind a reader's
 * cursor. The feed orders by (transaction id, seq) and stops at the horizon: the oldest
 * transaction of this database still running when the read's snapshot was taken (or the
 * snapshot's xmax when none is). Every transaction below it has ended, so no event can ever
 * appear before a position already handed out.
 *
 * The horizon is the snapshot's xmin narrowed to this database: transaction ids are
 * cluster-wide, and a long transaction in another database on the same server (another
 * service, a test run) cannot write our event table and must not stall the feed. Only a
 * transaction positively seen running in another database is passed over; one that has
 * ended since the snapshot, or whose session is not visible to us, still holds the horizon.
 */
@Injectable()
export class EventFeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Up to `limit` events after `after` (of `types`, or all), and the horizon below which
   * every transaction of this database has ended.
   */
  async read(after: FeedPosition, types: readonly EventName[] | null, limit: number): Promise<{ events: FeedEvent[]; horizon: string }> {
    // One statement: pg_current_snapshot() is the very snapshot the event rows are read with.
    const rows: FeedRow[] = await this.dataSource.query(
      `${HORIZON_CTE}
       SELECT h.xmin::text AS horizon, e.tx_id::text AS tx_id, e.seq::text AS seq, e.id, e.name, e.aggregate_type,
              e.aggregate_id, e.zone_id, e.actor_id, e.occurred_at, e.payload
         FROM h
         LEFT JOIN LATERAL (
              SELECT * FROM event e
               WHERE e.tx_id < h.xmin
                 AND (e.tx_id, e.seq) > ($1::xid8, $2::bigint)
                 AND ($3::text[] IS NULL OR e.name = ANY ($3::text[]))
               ORDER BY e.tx_id, e.seq
               LIMIT $4) e ON true
        ORDER BY e.tx_id, e.seq`,
      [after.txId, after.seq, types, limit],
    );
    const events = rows.filter((r) => r.tx_id !== null).map(toFeedEvent);
    return { events, horizon: rows[0].horizon };
  }

  /** The horizon alone: every event of a transaction below it has committed already. */
  async horizon(): Promise<string> {
    const [row]: { horizon: string }[] = await this.dataSource.query(`${HORIZON_CTE} SELECT h.xmin::text AS horizon FROM h`);
    return row.horizon;
  }
}

function toFeedEvent(r: FeedRow): FeedEvent {
  return {
    position: { txId: r.tx_id!, seq: r.seq },
    id: r.id,
    seq: r.seq,
    name: r.name,
    aggregateType: r.aggregate_type,
    aggregateId: r.aggregate_id,
    zoneId: r.zone_id,
    actorId: r.actor_id,
    occurredAt: r.occurred_at,
    payload: r.payload,
  };
}
