import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Ticket, TicketEntity } from '@enterpark/tickets';
import { Named } from '../domain/ticket-summary';

export interface LockedDemandList {
  id: string;
  zone: Named;
  title: string;
  status: 'open' | 'completed' | 'cancelled';
  createdAt: Date;
}

export interface SummaryNames {
  zones: Map<string, Named>;
  users: Map<string, Named>;
  providers: Map<string, Named>;
}

/**
 * What completion reads and writes besides the summaries: tickets, the names a summary
 * shows, and the list's completion. All inside the caller's transaction.
 */
@Injectable()
export class CompletionRepository {
  findTicket(manager: EntityManager, id: string): Promise<Ticket | null> {
    return manager.getRepository(TicketEntity).findOne({ where: { id } });
  }

  ticketsOfList(manager: EntityManager, demandListId: string): Promise<Ticket[]> {
    return manager.getRepository(TicketEntity).find({ where: { demandListId }, order: { seq: 'ASC' } });
  }

  /**
   * Locks the list row: every completion attempt of one list takes turns here, and each one
   * reads the tickets only after it holds the lock, so it sees every ticket change committed
   * before. NO KEY UPDATE is enough (only non-key columns change) and leaves foreign-key
   * checks of inserts referencing the list unblocked.
   */
  async lockDemandList(manager: EntityManager, id: string): Promise<LockedDemandList | null> {
    const [row]: { id: string; zone_id: string; zone_name: string; title: string; status: LockedDemandList['status']; created_at: Date }[] =
      await manager.query(
        `SELECT l.id, l.zone_id, z.name AS zone_name, l.title, l.status, l.created_at
           FROM demand_list l JOIN zone z ON z.id = l.zone_id
          WHERE l.id = $1
            FOR NO KEY UPDATE OF l`,
        [id],
      );
    return row ? { id: row.id, zone: { id: row.zone_id, name: row.zone_name }, title: row.title, status: row.status, createdAt: row.created_at } : null;
  }

  async markDemandListCompleted(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE demand_list SET status = 'completed', completed_at = $2 WHERE id = $1 AND status = 'open'`, [id, at]);
  }

  /** The zone, assignee and provider names of these tickets, in one round trip. */
  async names(manager: EntityManager, tickets: readonly Ticket[]): Promise<SummaryNames> {
    const ids = (pick: (t: Ticket) => string | null) => [...new Set(tickets.map(pick).filter((id): id is string => id !== null))];
    const rows: { kind: keyof SummaryNames; id: string; name: string }[] = await manager.query(
      `SELECT 'zones' AS kind, id, name FROM zone WHERE id = ANY ($1::uuid[])
       UNION ALL SELECT 'users', id, name FROM app_user WHERE id = ANY ($2::uuid[])
       UNION ALL SELECT 'providers', id, name FROM service_provider WHERE id = ANY ($3::uuid[])`,
      [ids((t) => t.zoneId), ids((t) => t.assigneeId), ids((t) => t.providerId)],
    );
    const names: SummaryNames = { zones: new Map(), users: new Map(), providers: new Map() };
    for (const r of rows) names[r.kind].set(r.id, { id: r.id, name: r.name });
    return names;
  }
}
