import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DemandListSummary, TicketSummary } from '@enterpark/events';
import { SummaryKind } from '../domain/ticket-summary';

export interface StoredTicketSummary {
  kind: SummaryKind;
  round: number;
  summary: TicketSummary;
  createdAt: Date;
}

export interface StoredDemandListSummary {
  summary: DemandListSummary;
  createdAt: Date;
}

/**
 * The `ticket_summary` and `demand_list_summary` tables. Their primary keys make each
 * summary happen once: an insert that finds its row already there reports `false`, and
 * the caller then emits nothing.
 */
@Injectable()
export class SummaryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertTicketSummary(manager: EntityManager, kind: SummaryKind, summary: TicketSummary, at: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ticket_summary (ticket_id, kind, round, summary, created_at) VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT DO NOTHING RETURNING ticket_id`,
      [summary.ticketId, kind, summary.round, JSON.stringify(summary), at],
    );
    return rows.length === 1;
  }

  async insertDemandListSummary(manager: EntityManager, summary: DemandListSummary, at: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO demand_list_summary (demand_list_id, summary, created_at) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT DO NOTHING RETURNING demand_list_id`,
      [summary.demandListId, JSON.stringify(summary), at],
    );
    return rows.length === 1;
  }

  /** The stored closed summaries of these tickets' current rounds, by ticket id. */
  async closedSummaries(manager: EntityManager, tickets: readonly { id: string; round: number }[]): Promise<Map<string, TicketSummary>> {
    if (tickets.length === 0) return new Map();
    const rows: { ticket_id: string; summary: TicketSummary }[] = await manager.query(
      `SELECT s.ticket_id, s.summary
         FROM ticket_summary s
         JOIN unnest($1::uuid[], $2::int[]) AS v(id, round) ON s.ticket_id = v.id AND s.round = v.round
        WHERE s.kind = 'closed'`,
      [tickets.map((t) => t.id), tickets.map((t) => t.round)],
    );
    return new Map(rows.map((r) => [r.ticket_id, r.summary]));
  }

  /** The latest summary of a ticket: its closing one if it has closed, else that of its highest round. */
  async latestTicketSummary(ticketId: string): Promise<StoredTicketSummary | null> {
    const [row]: { kind: SummaryKind; round: number; summary: TicketSummary; created_at: Date }[] = await this.dataSource.query(
      `SELECT kind, round, summary, created_at FROM ticket_summary WHERE ticket_id = $1
        ORDER BY kind = 'closed' DESC, round DESC LIMIT 1`,
      [ticketId],
    );
    return row ? { kind: row.kind, round: row.round, summary: row.summary, createdAt: row.created_at } : null;
  }

  async demandListSummary(demandListId: string): Promise<StoredDemandListSummary | null> {
    const [row]: { summary: DemandListSummary; created_at: Date }[] = await this.dataSource.query(
      `SELECT summary, created_at FROM demand_list_summary WHERE demand_list_id = $1`,
      [demandListId],
    );
    return row ? { summary: row.summary, createdAt: row.created_at } : null;
  }
}
