import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessScope, decodeCursor, Page, PageRequest, toPage } from '@enterpark/common';
import { pgErrorCode, UNIQUE_VIOLATION } from '@enterpark/database';
import { Zone } from '../domain/zone';
import { ZoneCodeTakenError } from '../demand.errors';
import { ZoneEntity } from './zone.entity';

@Injectable()
export class ZoneRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(zone: Zone): Promise<void> {
    try {
      await this.dataSource.getRepository(ZoneEntity).insert(zone);
    } catch (error) {
      if (pgErrorCode(error) === UNIQUE_VIOLATION) throw new ZoneCodeTakenError(zone.code);
      throw error;
    }
  }

  /** Zone managers see their own zone only; everybody else sees every zone. */
  async findById(scope: AccessScope, id: string): Promise<Zone | null> {
    if (scope.kind === 'zone' && scope.zoneId !== id) return null;
    return this.dataSource.getRepository(ZoneEntity).findOne({ where: { id } });
  }

  async list(scope: AccessScope, page: PageRequest): Promise<Page<Zone>> {
    const qb = this.dataSource.getRepository(ZoneEntity).createQueryBuilder('z');
    if (scope.kind === 'zone') qb.andWhere('z.id = :zoneId', { zoneId: scope.zoneId });
    if (page.cursor) qb.andWhere('(z.createdAt, z.id) < (:createdAt, :id)', decodeCursor(page.cursor));
    const rows = await qb.orderBy('z.createdAt', 'DESC').addOrderBy('z.id', 'DESC').limit(page.limit + 1).getMany();
    return toPage(rows, page.limit, (z) => ({ createdAt: z.createdAt.toISOString(), id: z.id }));
  }
}
