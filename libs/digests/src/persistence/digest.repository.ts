import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IsoWeek } from '@enterpark/common';

export type DigestStatus = 'planned' | 'composed' | 'skipped';

/** One digest: a recipient and an ISO week ("2026-W47"), the table's primary key. */
export interface DigestKey {
  recipientId: string;
  week: string;
}

/** A key as one string, for maps. */
export function digestKeyId(key: DigestKey): string {
  return `${key.recipientId}/${key.week}`;
}

export interface DigestState {
  status: DigestStatus;
  mailMessageId: string | null;
}

export interface WeekPlan {
  /** Recipients eligible for the week (every account created before it ended). */
  eligible: number;
  /** Rows this call created, to be composed. */
  planned: number;
  /** Rows this call created as 'skipped' (digest switched off, or the address suppressed). */
  skipped: number;
}

/**
 * The `digest` and `digest_week` tables. One row per (recipient, week) is the primary key:
 * planning a week twice, from two replicas or a re-run, inserts nothing the second time.
 */
@Injectable()
export class DigestRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The newest week ever planned: a catch-up after downtime starts after it. */
  async newestPlannedWeek(): Promise<string | null> {
    // "YYYY-Www" ids sort like the weeks they name.
    const [row] = await this.dataSource.query(`SELECT week FROM digest_week ORDER BY week DESC LIMIT 1`);
    return row?.week ?? null;
  }

  /** When the first account was created: no digest is due for a week before it. */
  async firstAccountCreatedAt(): Promise<Date | null> {
    const [row] = await this.dataSource.query(`SELECT min(created_at) AS at FROM app_user`);
    return row?.at ?? null;
  }

  /**
   * Inserts the week's missing rows in the caller's transaction and records the week.
   * Opt-outs and suppressed addresses are decided here, so no digest is composed for them;
   * the sender checks both again when it sends.
   */
  async planWeek(manager: EntityManager, week: IsoWeek): Promise<WeekPlan> {
    const [row] = await manager.query(
      `WITH eligible AS (
         SELECT u.id, u.role,
                coalesce(p.digest, true)
                  AND NOT EXISTS (SELECT 1 FROM mail_suppression s WHERE s.address = lower(u.email)) AS wanted
           FROM app_user u
           LEFT JOIN mail_preference p ON p.user_id = u.id
          WHERE u.created_at < $2 AND u.active
       ), inserted AS (
         INSERT INTO digest (recipient_id, week, role, status)
         SELECT id, $1, role, CASE WHEN wanted THEN 'planned' ELSE 'skipped' END FROM eligible
         ON CONFLICT (recipient_id, week) DO NOTHING
         RETURNING status
       )
       SELECT (SELECT count(*)::int FROM eligible) AS eligible,
              (SELECT count(*)::int FROM inserted WHERE status = 'planned') AS planned,
              (SELECT count(*)::int FROM inserted WHERE status = 'skipped') AS skipped`,
      [week.id, week.endsAt],
    );
    await manager.query(
      `INSERT INTO digest_week (week, recipients) VALUES ($1, $2)
       ON CONFLICT (week) DO UPDATE SET recipients = GREATEST(digest_week.recipients, EXCLUDED.recipients)`,
      [week.id, row.eligible],
    );
    return row;
  }

  /**
   * The week's digests still to be composed (new ones, and any a lost job left behind).
   * Zone managers' first: their digests read only their zone, so they are composed while
   * the province's figures, which all the others wait for, are computed.
   */
  async plannedOfWeek(week: string, limit: number): Promise<DigestKey[]> {
    const rows: { recipient_id: string }[] = await this.dataSource.query(
      `SELECT recipient_id FROM digest WHERE week = $1 AND status = 'planned' ORDER BY role <> 'zone_manager', recipient_id LIMIT $2`,
      [week, limit],
    );
    return rows.map((r) => ({ recipientId: r.recipient_id, week }));
  }

  /** The digests that exist among `keys`, by digestKeyId. */
  async findMany(keys: readonly DigestKey[]): Promise<Map<string, DigestState>> {
    return this.states(this.dataSource.manager, keys, '');
  }

  /**
   * The rows under locks held until the caller's transaction ends: composition takes turns
   * here. Taken in key order, so two batches that share digests cannot deadlock.
   */
  async lockMany(manager: EntityManager, keys: readonly DigestKey[]): Promise<Map<string, DigestState>> {
    return this.states(manager, keys, 'ORDER BY recipient_id, week FOR UPDATE');
  }

  async markComposed(manager: EntityManager, composed: readonly { key: DigestKey; mailMessageId: string }[]): Promise<void> {
    if (composed.length === 0) return;
    await manager.query(
      `UPDATE digest d SET status = 'composed', mail_message_id = c.mail_message_id, composed_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::uuid[]) AS c(recipient_id, week, mail_message_id)
        WHERE d.recipient_id = c.recipient_id AND d.week = c.week AND d.status = 'planned'`,
      [composed.map((c) => c.key.recipientId), composed.map((c) => c.key.week), composed.map((c) => c.mailMessageId)],
    );
  }

  /** A digest that can never be sent (its address is one the mail library refuses): nothing to retry. */
  async markSkipped(manager: EntityManager, key: DigestKey): Promise<void> {
    await manager.query(`UPDATE digest SET status = 'skipped' WHERE recipient_id = $1 AND week = $2 AND status = 'planned'`, [key.recipientId, key.week]);
  }

  /** Digests planned longer ago than `stuckAfterMs` and still not composed: their job was lost or stalled. */
  async stuckPlanned(stuckAfterMs: number, limit: number): Promise<DigestKey[]> {
    const rows: { recipient_id: string; week: string }[] = await this.dataSource.query(
      `SELECT recipient_id, week FROM digest
        WHERE status = 'planned' AND created_at < now() - make_interval(secs => $1::double precision / 1000)
        ORDER BY created_at LIMIT $2`,
      [stuckAfterMs, limit],
    );
    return rows.map((r) => ({ recipientId: r.recipient_id, week: r.week }));
  }

  private async states(manager: EntityManager, keys: readonly DigestKey[], suffix: string): Promise<Map<string, DigestState>> {
    if (keys.length === 0) return new Map();
    const rows: { recipient_id: string; week: string; status: DigestStatus; mail_message_id: string | null }[] = await manager.query(
      `SELECT recipient_id, week, status, mail_message_id FROM digest
        WHERE (recipient_id, week) IN (SELECT * FROM unnest($1::uuid[], $2::text[])) ${suffix}`,
      [keys.map((k) => k.recipientId), keys.map((k) => k.week)],
    );
    return new Map(rows.map((r) => [digestKeyId({ recipientId: r.recipient_id, week: r.week }), { status: r.status, mailMessageId: r.mail_message_id }]));
  }
}
