import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AccessScope, assertNever, decodeCursor, Page, PageRequest, toPage } from '@enterpark/common';
import { FINISHED_STATUSES } from '@enterpark/tickets';
import { DemandList, DemandListView } from '../domain/demand-list';
import { DemandListEntity } from './demand-list.entity';

type Progress = Omit<DemandListView, keyof DemandList>;

/** The tickets of a list a desk scope counts: those routed to its desks (as it sees them in the list). */
function desksOf(scope: AccessScope): string[] | null {
  return scope.kind === 'desks' ? (scope.desks.length ? scope.desks : ['-']) : null;
}

function applyScope(qb: SelectQueryBuilder<DemandListEntity>, scope: AccessScope): SelectQueryBuilder<DemandListEntity> {
  switch (scope.kind) {
    case 'province':
      return qb;
    case 'zone':
      return qb.andWhere('l.zoneId = :scopeZoneId', { scopeZoneId: scope.zoneId });
    case 'desks':
      // A desk sees the lists that hold at least one ticket routed to it.
      return qb.andWhere('EXISTS (SELECT 1 FROM ticket t WHERE t.demand_list_id = l.id AND t.desk IN (:...scopeDesks))', {
        scopeDesks: scope.desks.length ? scope.desks : ['-'],
      });
    default:
      return assertNever(scope);
  }
}

@Injectable()
export class DemandListRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, list: DemandList): Promise<void> {
    await manager.createQueryBuilder().insert().into(DemandListEntity).values(list).updateEntity(false).execute();
  }

  findByIdempotencyKey(filedBy: string, key: string): Promise<DemandList | null> {
    return this.dataSource.getRepository(DemandListEntity).findOne({ where: { filedBy, idempotencyKey: key } });
  }

  findById(scope: AccessScope, id: string): Promise<DemandList | null> {
    return applyScope(this.dataSource.getRepository(DemandListEntity).createQueryBuilder('l').where('l.id = :id', { id }), scope).getOne();
  }

  async list(scope: AccessScope, filter: { zoneId?: string }, page: PageRequest): Promise<Page<DemandList>> {
    const qb = applyScope(this.dataSource.getRepository(DemandListEntity).createQueryBuilder('l'), scope);
    if (filter.zoneId) qb.andWhere('l.zoneId = :zoneId', { zoneId: filter.zoneId });
    if (page.cursor) qb.andWhere('(l.createdAt, l.id) < (:createdAt, :id)', decodeCursor(page.cursor));
    const rows = await qb.orderBy('l.createdAt', 'DESC').addOrderBy('l.id', 'DESC').limit(page.limit + 1).getMany();
    return toPage(rows, page.limit, (l) => ({ createdAt: l.createdAt.toISOString(), id: l.id }));
  }

  /**
   * Zone names and progress counts of lists the caller already holds, in one statement for a
   * page (ticket_demand_list_id_seq_key). A desk counts only the tickets routed to its desks.
   */
  async progressOf(scope: AccessScope, ids: readonly string[]): Promise<Map<string, Progress>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; zone_name: string; ticket_count: number; finished_count: number }[] = await this.dataSource.query(
      `SELECT l.id, z.name AS zone_name,
              count(t.id)::int AS ticket_count,
              count(t.id) FILTER (WHERE t.status = ANY ($3::text[]))::int AS finished_count
         FROM demand_list l
         JOIN zone z ON z.id = l.zone_id
         LEFT JOIN ticket t ON t.demand_list_id = l.id AND ($2::text[] IS NULL OR t.desk = ANY ($2::text[]))
        WHERE l.id = ANY ($1::uuid[])
        GROUP BY l.id, z.name`,
      [ids, desksOf(scope), FINISHED_STATUSES],
    );
    return new Map(rows.map((r) => [r.id, { zoneName: r.zone_name, ticketCount: r.ticket_count, finishedCount: r.finished_count }]));
  }
}
