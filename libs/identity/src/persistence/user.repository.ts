import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, InvalidInputError, Page, PageRequest, Role, ServiceType, toPage } from '@enterpark/common';
import { FOREIGN_KEY_VIOLATION, pgErrorCode, UNIQUE_VIOLATION } from '@enterpark/database';
import { User } from '../domain/user';
import { EmailTakenError } from '../identity.errors';
import { DeskMemberEntity } from './desk-member.entity';
import { UserEntity } from './user.entity';

function toUser(row: UserEntity): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    zoneId: row.zoneId,
    desks: (row.deskMemberships ?? []).map((m) => m.desk),
    createdAt: row.createdAt,
  };
}

@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, user: User, passwordHash: string): Promise<void> {
    try {
      await manager.insert(UserEntity, { ...user, passwordHash });
    } catch (error) {
      if (pgErrorCode(error) === UNIQUE_VIOLATION) throw new EmailTakenError();
      if (pgErrorCode(error) === FOREIGN_KEY_VIOLATION) throw InvalidInputError.field('zoneId', 'exists', 'zoneId 对应的园区不存在');
      throw error;
    }
    if (user.desks.length > 0) {
      await manager.insert(DeskMemberEntity, user.desks.map((desk) => ({ desk, userId: user.id, lastAssignedAt: null })));
    }
  }

  async findById(id: string): Promise<User | null> {
    const row = await this.dataSource.getRepository(UserEntity).findOne({ where: { id }, relations: { deskMemberships: true } });
    return row ? toUser(row) : null;
  }

  async findCredentials(email: string): Promise<{ user: User; passwordHash: string } | null> {
    const row = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .leftJoinAndSelect('u.deskMemberships', 'm')
      .where('u.email = :email', { email })
      .getOne();
    return row ? { user: toUser(row), passwordHash: row.passwordHash } : null;
  }

  async existsWithRole(role: Role): Promise<boolean> {
    return this.dataSource.getRepository(UserEntity).exists({ where: { role } });
  }

  async list(page: PageRequest, filter: { role?: Role; desk?: ServiceType }): Promise<Page<User>> {
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .orderBy('u.createdAt', 'DESC')
      .addOrderBy('u.id', 'DESC')
      .limit(page.limit + 1);
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.desk) qb.andWhere('EXISTS (SELECT 1 FROM desk_member d WHERE d.user_id = u.id AND d.desk = :desk)', { desk: filter.desk });
    if (page.cursor) qb.andWhere('(u.createdAt, u.id) < (:createdAt, :id)', decodeCursor(page.cursor));
    const rows = await qb.getMany();
    const memberships = rows.length
      ? await this.dataSource.getRepository(DeskMemberEntity).createQueryBuilder('m').where('m.userId IN (:...ids)', { ids: rows.map((r) => r.id) }).getMany()
      : [];
    for (const row of rows) row.deskMemberships = memberships.filter((m) => m.userId === row.id);
    return toPage(rows.map(toUser), page.limit, (u) => ({ createdAt: u.createdAt.toISOString(), id: u.id }));
  }
}
