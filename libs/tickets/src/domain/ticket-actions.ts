import { Role } from '@enterpark/common';
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

/** What a person could do next with a ticket in `status` (shown with a refused transition). */
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
