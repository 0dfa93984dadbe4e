import { AccessScope, Actor, assertNever, Role, scopeOf, ServiceType } from '@enterpark/common';
import { TicketStatus } from './ticket-status';

/**
 * The state machine: from which statuses each action may run. Every transition of a
 * ticket, by a person or a worker, is checked against this one table.
 */
export const ACTION_FROM = {
  // people
  accept: ['routed'],
  reject: ['routed', 'needs_info', 'returned'],
  'request-info': ['routed'],
  'provide-info': ['needs_info'],
  return: ['routed'],
  reroute: ['routed', 'returned'],
  assign: ['routed', 'triaged', 'needs_info', 'matching', 'matched', 'in_service'],
  match: ['triaged', 'matching'],
  activities: ['matched', 'in_service'],
  complete: ['in_service'],
  confirm: ['completed'],
  cancel: ['submitted', 'routed', 'needs_info', 'returned', 'triaged', 'matching'],
  'accept-proposal': ['matching'],
  'decline-proposal': ['matching'],
  // workers
  route: ['submitted'],
  propose: ['triaged'],
  'expire-proposal': ['matching'],
  'escalate-matching': ['triaged'],
} as const satisfies Record<string, readonly TicketStatus[]>;

export type TicketAction = keyof typeof ACTION_FROM;

/** Actions a person asks for through the API (the rest are taken by workers). */
export const USER_ACTIONS = [
  'accept',
  'reject',
  'request-info',
  'provide-info',
  'return',
  'reroute',
  'assign',
  'match',
  'activities',
  'complete',
  'confirm',
  'cancel',
  'accept-proposal',
  'decline-proposal',
] as const satisfies readonly TicketAction[];
export type UserAction = (typeof USER_ACTIONS)[number];

export function canRun(action: TicketAction, status: TicketStatus): boolean {
  return (ACTION_FROM[action] as readonly TicketStatus[]).includes(status);
}

/** What anyone at all could do next with a ticket in `status`, roles and reach aside. */
export function allowedActions(status: TicketStatus): UserAction[] {
  return USER_ACTIONS.filter((a) => canRun(a, status));
}

/**
 * Who may ask for an action, on top of seeing the ticket (tenancy decides that: a desk
 * sees its desks' tickets, a zone its zone's). Coordinators may do everything except
 * give the zone's confirmation and rating, which is the zone's own voice.
 */
export const ACTION_ROLES: Record<UserAction, readonly Role[]> = {
  accept: ['desk_staff', 'coordinator'],
  reject: ['desk_staff', 'coordinator'],
  'request-info': ['desk_staff', 'coordinator'],
  'provide-info': ['zone_manager', 'coordinator'],
  return: ['desk_staff', 'coordinator'],
  reroute: ['coordinator'],
  assign: ['desk_staff', 'coordinator'],
  match: ['desk_staff', 'coordinator'],
  activities: ['desk_staff', 'coordinator'],
  complete: ['desk_staff', 'coordinator'],
  confirm: ['zone_manager'],
  cancel: ['zone_manager', 'coordinator'],
  'accept-proposal': ['desk_staff', 'coordinator'],
  'decline-proposal': ['desk_staff', 'coordinator'],
};

/** The part of a ticket that decides who may see it and what may be done with it. */
export type TicketReach = { status: TicketStatus; zoneId: string; desk: ServiceType | null };

/**
 * Whether a ticket lies within `scope`: the rule every ticket query applies in SQL
 * (applyTicketScope), for a ticket already in hand.
 */
export function isTicketInScope(scope: AccessScope, ticket: Omit<TicketReach, 'status'>): boolean {
  switch (scope.kind) {
    case 'province':
      return true;
    case 'zone':
      return ticket.zoneId === scope.zoneId;
    case 'desks':
      return ticket.desk !== null && scope.desks.includes(ticket.desk);
    default:
      return assertNever(scope);
  }
}

/**
 * What `actor` may do next with `ticket`: the state machine, their role, and their reach (a
 * zone manager their zone's tickets, desk staff their desks'). Viewers may do nothing.
 */
export function allowedActionsFor(actor: Actor, ticket: TicketReach): UserAction[] {
  if (!isTicketInScope(scopeOf(actor), ticket)) return [];
  return allowedActions(ticket.status).filter((a) => ACTION_ROLES[a].includes(actor.role));
}
