import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ServiceType } from '@enterpark/common';
import { Ticket } from '../domain/ticket';
import { FINISHED_STATUSES } from '../domain/ticket-status';

/** How a set of transitions changes staff members' open-ticket counts. */
export function workloadDeltas(changes: { before: Ticket | null; after: Ticket }[]): Map<string, number> {
  const deltas = new Map<string, number>();
  const add = (userId: string | null, open: boolean, sign: number) => {
    if (userId && open) deltas.set(userId, (deltas.get(userId) ?? 0) + sign);
  };
  for (const { before, after } of changes) {
    if (before) add(before.assigneeId, !FINISHED_STATUSES.includes(before.status), -1);
    add(after.assigneeId, !FINISHED_STATUSES.includes(after.status), +1);
  }
  for (const [id, delta] of deltas) if (delta === 0) deltas.delete(id);
  return deltas;
}

/**
 * Open tickets per staff member (`staff_workload`), kept in the same transaction as the
 * tickets that change it, so routing reads one row per member instead of counting.
 */
@Injectable()
export class StaffWorkloadRepository {
  /**
   * Applies deltas, locking rows in user order so concurrent transactions cannot deadlock.
   * Increments only (routing's hot path): one upsert. With a decrement: make sure the rows
   * exist, lock them in order, then update (an upsert would check the CHECK (>= 0) against
   * the negative value it proposes to insert).
   */
  async adjust(manager: EntityManager, deltas: Map<string, number>): Promise<void> {
    if (deltas.size === 0) return;
    const ids = [...deltas.keys()].sort();
    const values = ids.map((id) => deltas.get(id));
    if (values.every((d) => d! > 0)) {
      await manager.query(
        `INSERT INTO staff_workload (user_id, open_tickets)
         SELECT * FROM unnest($1::uuid[], $2::int[])
         ON CONFLICT (user_id) DO UPDATE SET open_tickets = staff_workload.open_tickets + excluded.open_tickets`,
        [ids, values],
      );
      return;
    }
    await manager.query(`INSERT INTO staff_workload (user_id, open_tickets) SELECT unnest($1::uuid[]), 0 ON CONFLICT DO NOTHING`, [ids]);
    await manager.query(`SELECT 1 FROM staff_workload WHERE user_id = ANY($1::uuid[]) ORDER BY user_id FOR UPDATE`, [ids]);
    await manager.query(
      `UPDATE staff_workload w SET open_tickets = w.open_tickets + v.delta
         FROM unnest($1::uuid[], $2::int[]) AS v(user_id, delta)
        WHERE w.user_id = v.user_id`,
      [ids, values],
    );
  }

  async isDeskMember(manager: EntityManager, desk: ServiceType, userId: string): Promise<boolean> {
    // A deactivated account keeps its seats (for when it comes back) but takes no tickets.
    const rows = await manager.query(`SELECT 1 FROM desk_member dm JOIN app_user u ON u.id = dm.user_id AND u.active WHERE dm.desk = $1 AND dm.user_id = $2`, [desk, userId]);
    return rows.length > 0;
  }
}
