import { DataSource } from 'typeorm';

/**
 * Marks the events chosen by `selectIds` unpublished, so the relay delivers them again:
 * the reconciler's remedy for jobs lost from the queue (a Redis failover without
 * persistence). Only events published more than `stuckAfterMs` ago qualify; consumers are
 * idempotent, so a redelivery of work that was merely slow does nothing.
 * `selectIds` is a SELECT of event ids; `$1` in it is `stuckAfterMs`, `$2` a row limit, `$3`
 * the application clock's `now`: columns the use cases stamp from the Clock are compared
 * with the Clock (published_at is the database's own time, compared with the database's).
 */
export async function redriveEvents(dataSource: DataSource, selectIds: string, stuckAfterMs: number, now: Date, limit = 1000): Promise<number> {
  // For an UPDATE, TypeORM answers [rows, affectedCount].
  const [, affected]: [unknown[], number] = await dataSource.query(
    `UPDATE event SET published_at = NULL
      WHERE published_at < now() - make_interval(secs => $1::double precision / 1000)
        AND id IN (${selectIds})
      RETURNING id`,
    [stuckAfterMs, limit, now],
  );
  return affected;
}

/** SQL for "older than the stuck threshold" against a Clock-stamped column, for `selectIds`. */
export const STUCK_BEFORE = `$3::timestamptz - make_interval(secs => $1::double precision / 1000)`;

/** SQL for "within the last week" against a Clock-stamped column, for `selectIds`. */
export const LOOKBACK_WEEK = `$3::timestamptz - interval '7 days'`;
