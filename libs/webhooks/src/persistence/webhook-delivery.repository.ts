import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, Page, PageRequest, toPage } from '@enterpark/common';
import { EventName } from '@enterpark/events';
import { JudgedAttempt } from '../domain/delivery-outcome';
import { WebhookDelivery, WebhookDeliveryStatus } from '../domain/webhook-endpoint';

/** A delivery taken for one attempt, with what the attempt needs. */
export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  attempts: number;
  url: string;
  secret: string;
  event: { id: string; name: EventName; occurredAt: Date; payload: unknown };
}

export type Claim = { kind: 'claimed'; delivery: ClaimedDelivery } | { kind: 'later'; inMs: number } | { kind: 'none' };

interface DeliveryRow {
  id: string;
  event_id: string;
  event_name: EventName;
  status: WebhookDeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  last_response: string | null;
  next_attempt_at: Date;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

@Injectable()
export class WebhookDeliveryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One delivery per (active endpoint subscribed to the event's name, event of a transaction
   * after the endpoint's), in feed order; a pair that already has one is skipped.
   */
  async fanOut(manager: EntityManager, eventIds: readonly string[]): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO webhook_delivery (endpoint_id, event_id, event_name)
       SELECT w.id, e.id, e.name
         FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, ord)
         JOIN event e ON e.id = x.id
         JOIN webhook_endpoint w ON e.name = ANY (w.events) AND e.tx_id > w.created_tx_id
        WHERE w.deleted_at IS NULL AND w.disabled_at IS NULL
        ORDER BY x.ord, w.id
       ON CONFLICT (endpoint_id, event_id) DO NOTHING
       RETURNING id`,
      [eventIds],
    );
    return rows.map((r) => r.id);
  }

  /** Unfinished deliveries due for longer than `graceMs`: their job may have been lost. */
  async overdue(graceMs: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM webhook_delivery
        WHERE status IN ('pending', 'sending') AND next_attempt_at < now() - make_interval(secs => $1::double precision / 1000)
        ORDER BY next_attempt_at
        LIMIT $2`,
      [graceMs, limit],
    );
    return rows.map((r) => r.id);
  }

  /** The deleted endpoint's waiting deliveries, closed in its transaction (an attempt in flight finishes). */
  async cancelPending(manager: EntityManager, endpointId: string): Promise<void> {
    await manager.query(
      `UPDATE webhook_delivery SET status = 'cancelled', finished_at = now(), updated_at = now() WHERE endpoint_id = $1 AND status = 'pending'`,
      [endpointId],
    );
  }

  /**
   * Takes a due delivery like a lease: `sending` until `leaseMs` from now, after which another
   * worker may take it over (the attempt is then counted again). One whose endpoint was
   * deleted or disabled meanwhile is cancelled instead; one not yet due says when it is.
   */
  async claim(id: string, leaseMs: number): Promise<Claim> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `SELECT d.status, ceil(extract(epoch FROM d.next_attempt_at - now()) * 1000)::bigint AS wait_ms,
                (w.deleted_at IS NULL AND w.disabled_at IS NULL) AS active
           FROM webhook_delivery d JOIN webhook_endpoint w ON w.id = d.endpoint_id
          WHERE d.id = $1 AND d.status IN ('pending', 'sending')
            FOR UPDATE OF d`,
        [id],
      );
      if (!row) return { kind: 'none' };
      if (!row.active) {
        await manager.query(`UPDATE webhook_delivery SET status = 'cancelled', finished_at = now(), updated_at = now() WHERE id = $1`, [id]);
        return { kind: 'none' };
      }
      if (Number(row.wait_ms) > 0) return { kind: 'later', inMs: Number(row.wait_ms) };
      const [[claimed]]: [Record<string, any>[], number] = await manager.query(
        `UPDATE webhook_delivery d
            SET status = 'sending', attempts = d.attempts + 1, updated_at = now(),
                next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
           FROM webhook_endpoint w, event e
          WHERE d.id = $1 AND w.id = d.endpoint_id AND e.id = d.event_id
         RETURNING d.id, d.endpoint_id, d.attempts, w.url, w.secret, e.id AS event_id, e.name, e.occurred_at, e.payload`,
        [id, leaseMs],
      );
      return {
        kind: 'claimed',
        delivery: {
          id: claimed.id,
          endpointId: claimed.endpoint_id,
          attempts: claimed.attempts,
          url: claimed.url,
          secret: claimed.secret,
          event: { id: claimed.event_id, name: claimed.name, occurredAt: claimed.occurred_at, payload: claimed.payload },
        },
      };
    });
  }

  /**
   * The attempt's outcome, only while the claim is still ours (same attempt number, still
   * `sending`): a worker whose lease ran out and was taken over records nothing. A 410 also
   * disables the endpoint, in the same transaction.
   */
  async record(manager: EntityManager, claim: ClaimedDelivery, judged: JudgedAttempt): Promise<boolean> {
    const v = judged.verdict;
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE webhook_delivery
          SET status = $3, last_status_code = $4, last_error = $5, last_response = $6, updated_at = now(),
              next_attempt_at = CASE WHEN $3 = 'pending' THEN now() + make_interval(secs => $7::double precision / 1000) ELSE next_attempt_at END,
              finished_at = CASE WHEN $3 = 'pending' THEN NULL ELSE now() END
        WHERE id = $1 AND attempts = $2 AND status = 'sending'
        RETURNING id`,
      [claim.id, claim.attempts, v.status, judged.statusCode, judged.error?.slice(0, 1000) ?? null, judged.excerpt, v.status === 'pending' ? v.retryInMs : 0],
    );
    return affected > 0;
  }

  async log(endpointId: string, page: PageRequest, status: WebhookDeliveryStatus | null): Promise<Page<WebhookDelivery>> {
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    const rows: DeliveryRow[] = await this.dataSource.query(
      `SELECT id, event_id, event_name, status, attempts, last_status_code, last_error, last_response,
              next_attempt_at, created_at, updated_at, finished_at
         FROM webhook_delivery
        WHERE endpoint_id = $1 AND ($2::text IS NULL OR status = $2)
          AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY created_at DESC, id DESC
        LIMIT $5`,
      [endpointId, status, after?.createdAt ?? null, after?.id ?? null, page.limit + 1],
    );
    return toPage(rows.map(toDelivery), page.limit, (d) => ({ createdAt: d.createdAt.toISOString(), id: d.id }));
  }
}

function toDelivery(r: DeliveryRow): WebhookDelivery {
  const unfinished = r.status === 'pending' || r.status === 'sending';
  return {
    id: r.id,
    eventId: r.event_id,
    eventName: r.event_name,
    status: r.status,
    attempts: r.attempts,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    lastResponse: r.last_response,
    nextAttemptAt: unfinished ? r.next_attempt_at : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    finishedAt: r.finished_at,
  };
}
