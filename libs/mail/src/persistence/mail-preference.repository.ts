import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MailCategory } from '../mail-draft';

export interface MailPreferences {
  userId: string;
  digest: boolean;
  notifications: boolean;
  /** Null while the user has never changed anything (everything on). */
  updatedAt: Date | null;
}

const COLUMN: Record<MailCategory, 'digest' | 'notifications'> = { digest: 'digest', notification: 'notifications' };

/** Per-user opt-outs. No row means everything is on, so a new user needs no row. */
@Injectable()
export class MailPreferenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async userExists(userId: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM app_user WHERE id = $1`, [userId])).length > 0;
  }

  async get(userId: string): Promise<MailPreferences> {
    const [row] = await this.dataSource.query(`SELECT digest, notifications, updated_at FROM mail_preference WHERE user_id = $1`, [userId]);
    return row
      ? { userId, digest: row.digest, notifications: row.notifications, updatedAt: row.updated_at }
      : { userId, digest: true, notifications: true, updatedAt: null };
  }

  async put(userId: string, prefs: { digest: boolean; notifications: boolean }, updatedBy: string | null): Promise<MailPreferences> {
    const [row] = await this.dataSource.query(
      `INSERT INTO mail_preference (user_id, digest, notifications, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET digest = $2, notifications = $3, updated_by = $4, updated_at = now()
       RETURNING digest, notifications, updated_at`,
      [userId, prefs.digest, prefs.notifications, updatedBy],
    );
    return { userId, digest: row.digest, notifications: row.notifications, updatedAt: row.updated_at };
  }

  /** Switches one category off, leaving the other as it was (the one-click unsubscribe). */
  async optOut(userId: string, category: MailCategory): Promise<void> {
    const column = COLUMN[category];
    await this.dataSource.query(
      `INSERT INTO mail_preference (user_id, ${column}, updated_by) VALUES ($1, false, $1)
       ON CONFLICT (user_id) DO UPDATE SET ${column} = false, updated_by = $1, updated_at = now()`,
      [userId],
    );
  }

  /** Whether the user still wants mail of `category`, asked at send time. */
  async allows(userId: string, category: MailCategory): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMN[category]} AS allowed FROM mail_preference WHERE user_id = $1`, [userId]);
    return row ? row.allowed === true : true;
  }
}
