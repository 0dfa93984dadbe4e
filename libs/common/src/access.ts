import { ServiceType } from './service-type';

export const ROLES = ['zone_manager', 'desk_staff', 'coordinator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The roles' Chinese names, as people in the department call them. */
export const ROLE_LABELS: Record<Role, string> = {
  zone_manager: '园区管理员',
  desk_staff: '窗口人员',
  coordinator: '协调员',
  viewer: '领导',
};

/** The authenticated caller, as every use case sees it. */
export interface Actor {
  id: string;
  role: Role;
  zoneId: string | null;
  desks: ServiceType[];
}

/**
 * What an actor may see. Repository methods on zone-owned data take one of these
 * as a required argument, so that no query can forget tenancy.
 */
export type AccessScope =
  | { kind: 'province' }
  | { kind: 'zone'; zoneId: string }
  | { kind: 'desks'; desks: ServiceType[] };

export function scopeOf(actor: Actor): AccessScope {
  switch (actor.role) {
    case 'coordinator':
    case 'viewer':
      return { kind: 'province' };
    case 'zone_manager':
      return { kind: 'zone', zoneId: actor.zoneId! };
    case 'desk_staff':
      return { kind: 'desks', desks: actor.desks };
  }
}
