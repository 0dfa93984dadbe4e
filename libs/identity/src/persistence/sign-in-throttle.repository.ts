import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A counter and how many failures it allows per window. */
export interface ThrottleKey {
  key: string;
  max: number;
}

export type Reservation =
  | { allowed: true; failures: Map<string, number> }
  | { allowed: false; retryAfterMs: number };

/** Rows with an ended window removed per failure: enough to keep the table at about one window's failures. */
const PURGE_BATCH = 50;

/**
 * Failed sign-ins per key in a fixed window, in PostgreSQL (shared by every API replica, and
 * there in every deployment, also the embedded one without Redis). Times come from the caller's
 * Clock, never from the database's.
 *
 * An attempt is counted as failed *before* the password is checked and taken back when it was
 * right, so that parallel attempts cannot all slip under the limit while their hashes compute.
 */
@Injectable()
export class SignInThrottleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Under the rows' locks (taken in key order, so concurrent attempts never deadlock): starts a new
   * window where the old one ended, refuses when any key is at its limit (nothing counted then),
   * else counts one more failure on every key.
   */
  async reserve(keys: ThrottleKey[], now: Date, windowMs: number): Promise<Reservation> {
    const names = keys.map((k) => k.key).sort();
    return this.dataSource.transaction(async (manager) => {
      const rows: { key: string; window_started_at: Date; failures: number }[] = await manager.query(
        `INSERT INTO sign_in_throttle AS t (key, window_started_at, failures)
         SELECT k, $2::timestamptz, 0 FROM unnest($1::text[]) AS k ORDER BY k
         ON CONFLICT (key) DO UPDATE SET
           window_started_at = CASE WHEN t.window_started_at <= $3::timestamptz THEN excluded.window_started_at ELSE t.window_started_at END,
           failures = CASE WHEN t.window_started_at <= $3::timestamptz THEN 0 ELSE t.failures END
         RETURNING key, window_started_at, failures`,
        [names, now, new Date(now.getTime() - windowMs)],
      );
      const full = rows.filter((r) => r.failures >= keys.find((k) => k.key === r.key)!.max);
      if (full.length > 0) {
        const endsAt = Math.max(...full.map((r) => r.window_started_at.getTime() + windowMs));
        return { allowed: false, retryAfterMs: endsAt - now.getTime() };
      }
      await manager.query(`UPDATE sign_in_throttle SET failures = failures + 1 WHERE key = ANY($1::text[])`, [names]);
      return { allowed: true, failures: new Map(rows.map((r) => [r.key, r.failures + 1])) };
    });
  }

  /** A right password: the account starts afresh; the address gets back the attempt reserve() counted. */
  async succeeded(accountKey: string, addressKey: string | null): Promise<void> {
    await this.dataSource.query(`DELETE FROM sign_in_throttle WHERE key = $1`, [accountKey]);
    if (addressKey) await this.dataSource.query(`UPDATE sign_in_throttle SET failures = failures - 1 WHERE key = $1 AND failures > 0`, [addressKey]);
  }

  /** A coordinator set a new password: its owner may sign in at once. */
  async clear(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sign_in_throttle WHERE key = $1`, [key]);
  }

  /** Removes a few counters whose window ended (an attacker trying many addresses leaves one row each). */
  async purge(now: Date, windowMs: number): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM sign_in_throttle WHERE key IN (
         SELECT key FROM sign_in_throttle WHERE window_started_at <= $1 ORDER BY window_started_at LIMIT ${PURGE_BATCH} FOR UPDATE SKIP LOCKED)`,
      [new Date(now.getTime() - windowMs)],
    );
  }
}
