import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { decodeCursor, InvalidInputError, Page, PageRequest, Role, ServiceType, toPage } from '@enterpark/common';
import { FOREIGN_KEY_VIOLATION, pgErrorCode, UNIQUE_VIOLATION } from '@enterpark/database';
import { normalizeDesks, User } from '../domain/user';
import { EmailTakenError } from '../identity.errors';
import { DeskMemberEntity } from './desk-member.entity';
import { UserEntity } from './user.entity';

function toUser(row: UserEntity, desks: ServiceType[]): User {
  return { id: row.id, email: row.email, name: row.name, role: row.role, zoneId: row.zoneId, desks, createdAt: row.createdAt };
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
    const row = await this.dataSource.getRepository(UserEntity).findOne({ where: { id } });
    return row ? (await this.withDesks([row]))[0] : null;
  }

  async findCredentials(email: string): Promise<{ user: User; passwordHash: string } | null> {
    const row = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    return row ? { user: (await this.withDesks([row]))[0], passwordHash: row.passwordHash } : null;
  }

  /** The accounts among `emails` that exist (normalized addresses), in no particular order. */
  async findByEmails(emails: string[]): Promise<User[]> {
    if (emails.length === 0) return [];
    return this.withDesks(await this.dataSource.getRepository(UserEntity).find({ where: { email: In(emails) } }));
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
    const users = await this.withDesks(await qb.getMany());
    return toPage(users, page.limit, (u) => ({ createdAt: u.createdAt.toISOString(), id: u.id }));
  }

  private async withDesks(rows: UserEntity[]): Promise<User[]> {
    const staff = rows.filter((r) => r.role === 'desk_staff').map((r) => r.id);
    const seats = staff.length
      ? await this.dataSource.getRepository(DeskMemberEntity).createQueryBuilder('m').where('m.userId IN (:...staff)', { staff }).getMany()
      : [];
    return rows.map((row) => toUser(row, normalizeDesks(seats.filter((m) => m.userId === row.id).map((m) => m.desk))));
  }
}
