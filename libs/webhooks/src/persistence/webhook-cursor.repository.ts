import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FeedPosition } from '@enterpark/events';

/** Where the fan-out stands in the event feed. */
@Injectable()
export class WebhookCursorRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(): Promise<FeedPosition> {
    const [row] = await this.dataSource.query(`SELECT tx_id::text AS tx_id, seq::text AS seq FROM webhook_cursor WHERE name = 'fanout'`);
    return { txId: row.tx_id, seq: row.seq };
  }

  /**
   * Compare-and-set from `from` to `to`, in the caller's transaction (whose deliveries commit
   * with it). Refused when another worker moved the cursor first (its UPDATE holds the row until
   * it commits; ours then re-reads and no longer matches), or when an endpoint the caller did
   * not consider has appeared: it may subscribe to events of this range, so the range is read again.
   */
  async advance(manager: EntityManager, from: FeedPosition, to: FeedPosition, considered: readonly string[]): Promise<boolean> {
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE webhook_cursor SET tx_id = $3::xid8, seq = $4::bigint, updated_at = now()
        WHERE name = 'fanout' AND tx_id = $1::xid8 AND seq = $2::bigint
          AND NOT EXISTS (SELECT 1 FROM webhook_endpoint w
                           WHERE w.deleted_at IS NULL AND w.disabled_at IS NULL AND NOT (w.id = ANY ($5::uuid[])))
        RETURNING name`,
      [from.txId, from.seq, to.txId, to.seq, considered],
    );
    return affected > 0;
  }
}
