import { Actor, Role, ServiceType, SERVICE_TYPES } from '@enterpark/common';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  zoneId: string | null;
  desks: ServiceType[];
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
