import { DataSource } from 'typeorm';

export interface OutboxBacklog {
  unpublished: number;
  /** When the oldest unpublished event occurred (null when none waits). */
  oldestAt: Date | null;
}

/** The relay's backlog, read through the partial index of unpublished events. */
export async function readOutboxBacklog(ds: DataSource): Promise<OutboxBacklog> {
  const [row] = await ds.query(
    `SELECT count(*)::int AS unpublished, min(occurred_at) AS oldest FROM event WHERE published_at IS NULL`,
  );
  return { unpublished: row.unpublished, oldestAt: row.oldest ? new Date(row.oldest) : null };
}
