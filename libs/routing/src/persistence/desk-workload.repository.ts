import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ServiceType } from '@enterpark/common';
import { Candidate } from '../domain/assignment';
import { RoutingRule } from '../domain/routing-rule';
import { RoutingRuleEntity } from './routing-rule.entity';

/** Desk members with their current load, read under lock so concurrent routings see each other's choices. */
@Injectable()
export class DeskWorkloadRepository {
  async rules(manager: EntityManager, types: ServiceType[]): Promise<Map<ServiceType, RoutingRule>> {
    const rows = await manager.getRepository(RoutingRuleEntity).createQueryBuilder('r').where('r.type IN (:...types)', { types }).getMany();
    return new Map(rows.map((r) => [r.type, { type: r.type, assignment: r.assignment, fixedAssigneeId: r.fixedAssigneeId }]));
  }

  /** Locks the desk's seats (serialising assignment per desk) and reads each active member's load. */
  async lockCandidates(manager: EntityManager, desk: ServiceType): Promise<Candidate[]> {
    const rows: { user_id: string; last_assigned_at: Date | null; open_tickets: number }[] = await manager.query(
      `SELECT dm.user_id, dm.last_assigned_at, coalesce(w.open_tickets, 0) AS open_tickets
         FROM desk_member dm
         JOIN app_user u ON u.id = dm.user_id AND u.active
         LEFT JOIN staff_workload w ON w.user_id = dm.user_id
        WHERE dm.desk = $1
        ORDER BY dm.user_id
          FOR UPDATE OF dm`,
      [desk],
    );
    return rows.map((r) => ({ userId: r.user_id, openTickets: r.open_tickets, lastAssignedAt: r.last_assigned_at }));
  }

  async markAssigned(manager: EntityManager, desk: ServiceType, lastAssigned: Map<string, Date>): Promise<void> {
    if (lastAssigned.size === 0) return;
    await manager.query(
      `UPDATE desk_member dm SET last_assigned_at = v.at
         FROM unnest($2::uuid[], $3::timestamptz[]) AS v(user_id, at)
        WHERE dm.desk = $1 AND dm.user_id = v.user_id`,
      [desk, [...lastAssigned.keys()], [...lastAssigned.values()]],
    );
  }
}
