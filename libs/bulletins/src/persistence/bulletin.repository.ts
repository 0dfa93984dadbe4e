import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BulletinContent, BulletinKind } from '../domain/bulletin-content';

export interface StoredBulletin {
  period: string;
  kind: BulletinKind;
  content: BulletinContent;
  issuedAt: Date;
  issuedBy: string | null;
}

interface BulletinRow {
  period: string;
  kind: BulletinKind;
  content: BulletinContent;
  issued_at: Date;
  issued_by: string | null;
}

const toBulletin = (r: BulletinRow): StoredBulletin => ({ period: r.period, kind: r.kind, content: r.content, issuedAt: r.issued_at, issuedBy: r.issued_by });

/** Issued bulletins, one row per period (the primary key): the record that a period's bulletin went out. */
@Injectable()
export class BulletinRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores the bulletin unless its period already has one (another worker, a redelivery, a second click): true when this call stored it. */
  async insert(manager: EntityManager, b: Omit<StoredBulletin, 'issuedAt'> & { issuedAt: Date }): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO bulletin (period, kind, content, issued_at, issued_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (period) DO NOTHING RETURNING period`,
      [b.period, b.kind, JSON.stringify(b.content), b.issuedAt, b.issuedBy],
    );
    return rows.length > 0;
  }

  async markMailed(manager: EntityManager, period: string, at: Date): Promise<void> {
    await manager.query(`UPDATE bulletin SET mailed_at = $2 WHERE period = $1`, [period, at]);
  }

  async find(period: string): Promise<StoredBulletin | null> {
    const [row]: BulletinRow[] = await this.dataSource.query(`SELECT period, kind, content, issued_at, issued_by FROM bulletin WHERE period = $1`, [period]);
    return row ? toBulletin(row) : null;
  }

  /** Newest period first (periods sort as text: 2026-11 < 2026-Q4 within a year, so by the period's end). */
  async list(): Promise<StoredBulletin[]> {
    const rows: BulletinRow[] = await this.dataSource.query(
      `SELECT period, kind, content, issued_at, issued_by FROM bulletin ORDER BY content #>> '{period,endsAt}' DESC, kind DESC`,
    );
    return rows.map(toBulletin);
  }

  /** Who gets a bulletin by mail: active coordinators, viewers and zone managers. */
  recipients(manager: EntityManager): Promise<{ id: string; email: string; name: string; role: string }[]> {
    return manager.query(`SELECT id, email, name, role FROM app_user WHERE active AND role IN ('coordinator', 'viewer', 'zone_manager') ORDER BY created_at, id`);
  }
}
