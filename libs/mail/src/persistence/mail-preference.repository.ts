import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MailCategory } from '../mail-draft';

/** A user's switches, one per category (true: receive it). */
export interface MailSwitches {
  digest: boolean;
  notifications: boolean;
  assignments: boolean;
}

export interface MailPreferences extends MailSwitches {
  userId: string;
  /** Null while the user has never changed anything (everything on). */
  updatedAt: Date | null;
}

/** The column of each category; also the field of the API's preferences. */
const COLUMN: Record<MailCategory, keyof MailSwitches> = { digest: 'digest', notification: 'notifications', assignment: 'assignments' };

interface PreferenceRow {
  digest: boolean;
  notifications: boolean;
  assignments: boolean;
  updated_at: Date;
}

const toPreferences = (userId: string, row: PreferenceRow): MailPreferences => ({
  userId,
  digest: row.digest,
  notifications: row.notifications,
  assignments: row.assignments,
  updatedAt: row.updated_at,
});

/** Per-user opt-outs. No row means everything is on, so a new user needs no row. */
@Injectable()
export class MailPreferenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async userExists(userId: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM app_user WHERE id = $1`, [userId])).length > 0;
  }

  async get(userId: string): Promise<MailPreferences> {
    const [row] = await this.dataSource.query(`SELECT digest, notifications, assignments, updated_at FROM mail_preference WHERE user_id = $1`, [userId]);
    return row ? toPreferences(userId, row) : { userId, digest: true, notifications: true, assignments: true, updatedAt: null };
  }

  async put(userId: string, prefs: MailSwitches, updatedBy: string | null): Promise<MailPreferences> {
    const [row] = await this.dataSource.query(
      `INSERT INTO mail_preference (user_id, digest, notifications, assignments, updated_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE SET digest = $2, notifications = $3, assignments = $4, updated_by = $5, updated_at = now()
       RETURNING digest, notifications, assignments, updated_at`,
      [userId, prefs.digest, prefs.notifications, prefs.assignments, updatedBy],
    );
    return toPreferences(userId, row);
  }

  /** Switches one category off, leaving the others as they were (the one-click unsubscribe). */
  async optOut(userId: string, category: MailCategory): Promise<void> {
    const column = COLUMN[category];
    await this.dataSource.query(
      `INSERT INTO mail_preference (user_id, ${column}, updated_by) VALUES ($1, false, $1)
       ON CONFLICT (user_id) DO UPDATE SET ${column} = false, updated_by = $1, updated_at = now()`,
      [userId],
    );
  }
}

/**
 * SQL for "this user still wants mail of this category" (no row: everything on), for a
 * statement that has the user id and the category as columns: the sender asks it in its claim.
 */
export function allowsMailSql(userIdColumn: string, categoryColumn: string): string {
  const cases = Object.entries(COLUMN).map(([category, column]) => `WHEN '${category}' THEN p.${column}`).join(' ');
  return `COALESCE((SELECT CASE ${categoryColumn} ${cases} END FROM mail_preference p WHERE p.user_id = ${userIdColumn}), true)`;
}
