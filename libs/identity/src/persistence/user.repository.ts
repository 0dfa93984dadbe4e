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
  return { id: row.id, email: row.email, name: row.name, role: row.role, zoneId: row.zoneId, desks, active: row.active, tokenVersion: row.tokenVersion, createdAt: row.createdAt };
}

const unknownZone = () => InvalidInputError.field('zoneId', 'exists', 'zoneId 对应的园区不存在');

/** What the auth guard compares a token with. */
export interface AccountStatus {
  tokenVersion: number;
  active: boolean;
}

@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, user: User, passwordHash: string): Promise<void> {
    try {
      await manager.insert(UserEntity, { ...user, passwordHash });
    } catch (error) {
      if (pgErrorCode(error) === UNIQUE_VIOLATION) throw new EmailTakenError();
      if (pgErrorCode(error) === FOREIGN_KEY_VIOLATION) throw unknownZone();
      throw error;
    }
    if (user.desks.length > 0) {
      await manager.insert(DeskMemberEntity, user.desks.map((desk) => ({ desk, userId: user.id, lastAssignedAt: null })));
    }
  }

  /** The account under a row lock, so that concurrent changes each see the other's version bump. */
  async lock(manager: EntityManager, id: string): Promise<{ user: User; passwordHash: string } | null> {
    const row = await manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    return row ? { user: (await this.withDesks([row], manager))[0], passwordHash: row.passwordHash } : null;
  }

  /**
   * Writes the account's name, active flag, zone and token version, and its desk seats when they
   * changed. A removed seat keeps the tickets already assigned (a coordinator reassigns them);
   * routing only stops choosing that person for the desk.
   */
  async update(manager: EntityManager, before: User, after: User): Promise<void> {
    try {
      await manager.update(UserEntity, { id: after.id }, { name: after.name, active: after.active, zoneId: after.zoneId, tokenVersion: after.tokenVersion });
    } catch (error) {
      if (pgErrorCode(error) === FOREIGN_KEY_VIOLATION) throw unknownZone();
      throw error;
    }
    const removed = before.desks.filter((d) => !after.desks.includes(d));
    const added = after.desks.filter((d) => !before.desks.includes(d));
    if (removed.length) await manager.delete(DeskMemberEntity, { userId: after.id, desk: In(removed) });
    if (added.length) await manager.insert(DeskMemberEntity, added.map((desk) => ({ desk, userId: after.id, lastAssignedAt: null })));
  }

  async setPassword(manager: EntityManager, id: string, passwordHash: string, tokenVersion: number): Promise<void> {
    await manager.update(UserEntity, { id }, { passwordHash, tokenVersion });
  }

  async findById(id: string): Promise<User | null> {
    const row = await this.dataSource.getRepository(UserEntity).findOne({ where: { id } });
    return row ? (await this.withDesks([row]))[0] : null;
  }

  async status(id: string): Promise<AccountStatus | null> {
    const row = await this.dataSource.getRepository(UserEntity).findOne({ where: { id }, select: { tokenVersion: true, active: true } });
    return row ? { tokenVersion: row.tokenVersion, active: row.active } : null;
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
  async findByIds(ids: readonly string[]): Promise<User[]> {
    if (ids.length === 0) return [];
    return this.withDesks(await this.dataSource.getRepository(UserEntity).find({ where: { id: In([...ids]) } }));
  }

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

  private async withDesks(rows: UserEntity[], manager: EntityManager = this.dataSource.manager): Promise<User[]> {
    const staff = rows.filter((r) => r.role === 'desk_staff').map((r) => r.id);
    const seats = staff.length
      ? await manager.getRepository(DeskMemberEntity).createQueryBuilder('m').where('m.userId IN (:...staff)', { staff }).getMany()
      : [];
    return rows.map((row) => toUser(row, normalizeDesks(seats.filter((m) => m.userId === row.id).map((m) => m.desk))));
  }
}
