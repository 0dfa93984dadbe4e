import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ServiceType } from '@enterpark/common';
import { queryPrepared } from '@enterpark/database';
import { Recipient } from '../domain/notification-view';

/**
 * A cap on one event's recipients (a zone's managers, a desk, the coordinators are a
 * handful of people): a data error cannot turn one event into thousands of emails.
 */
export const MAX_RECIPIENTS = 200;

interface UserRow {
  id: string;
  email: string;
  name: string;
}

/** An account as a batch reads it: `user` and `activeUser` answered from one row. */
export interface Person {
  recipient: Recipient;
  active: boolean;
}

const toRecipient = (u: UserRow): Recipient => ({ key: u.id, userId: u.id, address: u.email, name: u.name });

/**
 * Who is behind each audience, in a stable order (ids), so concurrent handlers insert alike.
 * Deactivated accounts receive nothing; `user` also names people (an assignee, an actor), active or not.
 */
@Injectable()
export class RecipientRepository {
  async user(manager: EntityManager, userId: string): Promise<Recipient | null> {
    const [row] = await queryPrepared<UserRow>(manager, `SELECT id, email, name FROM app_user WHERE id = $1`, [userId]);
    return row ? toRecipient(row) : null;
  }

  /** Several people in one round trip (a batch of events), active or not; one that does not exist is absent. */
  async people(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, Person>> {
    const rows: (UserRow & { active: boolean })[] = userIds.length
      ? await queryPrepared<UserRow & { active: boolean }>(manager, `SELECT id, email, name, active FROM app_user WHERE id = ANY($1::uuid[])`, [userIds])
      : [];
    return new Map(rows.map((r) => [r.id, { recipient: toRecipient(r), active: r.active }]));
  }

  async activeUser(manager: EntityManager, userId: string): Promise<Recipient | null> {
    const [row] = await queryPrepared<UserRow>(manager, `SELECT id, email, name FROM app_user WHERE id = $1 AND active`, [userId]);
    return row ? toRecipient(row) : null;
  }

  async zoneManagers(manager: EntityManager, zoneId: string): Promise<Recipient[]> {
    return this.activeUsersWhere(manager, `role = 'zone_manager' AND zone_id = $1`, [zoneId]);
  }

  async deskMembers(manager: EntityManager, desk: ServiceType): Promise<Recipient[]> {
    return this.activeUsersWhere(manager, `role = 'desk_staff' AND id IN (SELECT user_id FROM desk_member WHERE desk = $1)`, [desk]);
  }

  async coordinators(manager: EntityManager): Promise<Recipient[]> {
    return this.activeUsersWhere(manager, `role = 'coordinator'`, []);
  }

  async provider(manager: EntityManager, providerId: string): Promise<Recipient | null> {
    const [row] = await queryPrepared<{ id: string; email: string; name: string }>(manager, `SELECT id, email, name FROM service_provider WHERE id = $1`, [providerId]);
    return row ? { key: row.id, userId: null, address: row.email, name: row.name } : null;
  }

  private async activeUsersWhere(manager: EntityManager, where: string, params: unknown[]): Promise<Recipient[]> {
    const rows = await queryPrepared<UserRow>(
      manager,
      `SELECT id, email, name FROM app_user WHERE active AND ${where} ORDER BY id LIMIT ${MAX_RECIPIENTS}`,
      params,
    );
    return rows.map(toRecipient);
  }
}
