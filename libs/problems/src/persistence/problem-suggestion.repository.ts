import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Reads for grouping suggestions. */
@Injectable()
export class ProblemSuggestionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The newest open, indexed tickets in no problem: where suggestions start from. */
  async seeds(openStatuses: readonly string[], limit: number): Promise<{ id: string; title: string }[]> {
    return this.dataSource.query(
      `SELECT t.id, t.title FROM ticket t
        WHERE t.status = ANY ($1::text[])
          AND EXISTS (SELECT 1 FROM ticket_terms s WHERE s.ticket_id = t.id)
          AND NOT EXISTS (SELECT 1 FROM problem_ticket pt WHERE pt.ticket_id = t.id)
        ORDER BY t.created_at DESC, t.id DESC LIMIT $2`,
      [openStatuses, limit],
    );
  }

  /** Those of `ids` already in a problem. */
  async linked(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { ticket_id: string }[] = await this.dataSource.query(`SELECT ticket_id FROM problem_ticket WHERE ticket_id = ANY ($1::uuid[])`, [ids]);
    return new Set(rows.map((r) => r.ticket_id));
  }
}
