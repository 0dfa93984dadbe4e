import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, Page, PageRequest, toPage } from '@enterpark/common';
import { EventName } from '@enterpark/events';
import { WebhookEndpoint } from '../domain/webhook-endpoint';

interface EndpointRow {
  id: string;
  url: string;
  events: EventName[];
  description: string | null;
  created_by: string;
  created_at: Date;
  disabled_at: Date | null;
  disabled_reason: string | null;
}

/** An active endpoint as the fan-out needs it. */
export interface Subscription {
  id: string;
  events: EventName[];
  /** Events of later transactions are its own (decimal xid8). */
  createdTxId: string;
}

export interface NewEndpoint {
  id: string;
  url: string;
  events: EventName[];
  description: string | null;
  secret: string;
  createdBy: string;
  createdAt: Date;
}

const COLUMNS = 'id, url, events, description, created_by, created_at, disabled_at, disabled_reason';
/** Serializes registrations, so that the cap on endpoints holds under concurrent requests. */
const REGISTRATION_LOCK = 7_346_100_501;

@Injectable()
export class WebhookEndpointRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Locks registrations for the rest of `manager`'s transaction and counts the endpoints not deleted. */
  async lockAndCount(manager: EntityManager): Promise<number> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [REGISTRATION_LOCK]);
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM webhook_endpoint WHERE deleted_at IS NULL`);
    return row.n;
  }

  async insert(manager: EntityManager, e: NewEndpoint): Promise<WebhookEndpoint> {
    const [row]: EndpointRow[] = await manager.query(
      `INSERT INTO webhook_endpoint (id, url, events, description, secret, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING ${COLUMNS}`,
      [e.id, e.url, e.events, e.description, e.secret, e.createdBy, e.createdAt],
    );
    return toEndpoint(row);
  }

  async list(page: PageRequest): Promise<Page<WebhookEndpoint>> {
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    const rows: EndpointRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_endpoint
        WHERE deleted_at IS NULL AND ($1::timestamptz IS NULL OR (created_at, id) < ($1::timestamptz, $2::uuid))
        ORDER BY created_at DESC, id DESC
        LIMIT $3`,
      [after?.createdAt ?? null, after?.id ?? null, page.limit + 1],
    );
    return toPage(rows.map(toEndpoint), page.limit, (e) => ({ createdAt: e.createdAt.toISOString(), id: e.id }));
  }

  async find(id: string): Promise<WebhookEndpoint | null> {
    const [row]: EndpointRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM webhook_endpoint WHERE id = $1 AND deleted_at IS NULL`, [id]);
    return row ? toEndpoint(row) : null;
  }

  /** False when there was nothing (left) to delete. */
  async softDelete(manager: EntityManager, id: string, actorId: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE webhook_endpoint SET deleted_at = now(), deleted_by = $2 WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
      [id, actorId],
    );
    return affected > 0;
  }

  /** A receiver answered 410 Gone: no more deliveries until it is registered again. */
  async disable(manager: EntityManager, id: string, reason: string): Promise<void> {
    await manager.query(`UPDATE webhook_endpoint SET disabled_at = now(), disabled_reason = $2 WHERE id = $1 AND disabled_at IS NULL`, [id, reason]);
  }

  async subscriptions(): Promise<Subscription[]> {
    const rows: { id: string; events: EventName[]; created_tx_id: string }[] = await this.dataSource.query(
      `SELECT id, events, created_tx_id::text AS created_tx_id FROM webhook_endpoint WHERE deleted_at IS NULL AND disabled_at IS NULL`,
    );
    return rows.map((r) => ({ id: r.id, events: r.events, createdTxId: r.created_tx_id }));
  }
}

function toEndpoint(r: EndpointRow): WebhookEndpoint {
  return {
    id: r.id,
    url: r.url,
    events: r.events,
    description: r.description,
    status: r.disabled_at ? 'disabled' : 'active',
    disabledReason: r.disabled_reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}
