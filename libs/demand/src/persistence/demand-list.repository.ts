import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AccessScope, assertNever, decodeCursor, Page, PageRequest, toPage } from '@enterpark/common';
import { DemandList } from '../domain/demand-list';
import { DemandListEntity } from './demand-list.entity';

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
}
