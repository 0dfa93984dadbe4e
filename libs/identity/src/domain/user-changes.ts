import { InvalidInputError, ServiceType } from '@enterpark/common';
import { normalizeDesks, User } from './user';

/** What a coordinator may change about an account (PATCH /users/:id). */
export interface UserChanges {
  name?: string;
  active?: boolean;
  desks?: ServiceType[];
  zoneId?: string;
}

export interface ChangedUser {
  user: User;
  /** Whether tokens issued before no longer describe the account (and must stop working). */
  revokesTokens: boolean;
}

/**
 * Applies `changes` to `user` on behalf of coordinator `by`. Desks belong to desk staff and a
 * zone to zone managers only (roles do not change); nobody deactivates themselves, which also
 * keeps at least one active coordinator. Deactivation and a change of desks or zone bump the
 * token version; a new name does not (tokens do not carry it).
 */
export function changeUser(user: User, changes: UserChanges, by: string): ChangedUser {
  if (changes.desks !== undefined && user.role !== 'desk_staff') {
    throw InvalidInputError.field('desks', 'onlyForDeskStaff', '只有窗口工作人员可以指定 desks');
  }
  if (changes.desks !== undefined && changes.desks.length === 0) {
    throw InvalidInputError.field('desks', 'requiredForDeskStaff', '窗口工作人员必须至少指定一个窗口 desks');
  }
  if (changes.zoneId !== undefined && user.role !== 'zone_manager') {
    throw InvalidInputError.field('zoneId', 'onlyForZoneManager', '只有园区管理员可以指定 zoneId');
  }
  if (changes.active === false && user.id === by) {
    throw InvalidInputError.field('active', 'notSelf', '不能停用自己的账号');
  }
  const desks = changes.desks !== undefined ? normalizeDesks(changes.desks) : user.desks;
  const zoneId = changes.zoneId !== undefined ? changes.zoneId.toLowerCase() : user.zoneId;
  const active = changes.active ?? user.active;
  const revokesTokens = active !== user.active || zoneId !== user.zoneId || desks.join() !== user.desks.join();
  return {
    user: { ...user, name: changes.name?.trim() ?? user.name, desks, zoneId, active, tokenVersion: user.tokenVersion + (revokesTokens ? 1 : 0) },
    revokesTokens,
  };
}
