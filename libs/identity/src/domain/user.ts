import { Actor, Role, ServiceType, SERVICE_TYPES } from '@enterpark/common';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  zoneId: string | null;
  desks: ServiceType[];
  /** A deactivated account cannot sign in, and its tokens stop working (within TOKEN_CHECK_CACHE_MS). */
  active: boolean;
  /**
   * Carried in every access token as `ver`; bumped whenever what a token says about the account
   * (its desks, zone, being active) or the password it was obtained with changes.
   */
  tokenVersion: number;
  createdAt: Date;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toActor(user: User): Actor {
  return { id: user.id, role: user.role, zoneId: user.zoneId, desks: user.desks };
}

/** Desks in catalogue order, without duplicates, so tokens and responses are stable. */
export function normalizeDesks(desks: readonly ServiceType[]): ServiceType[] {
  return SERVICE_TYPES.filter((t) => desks.includes(t));
}
