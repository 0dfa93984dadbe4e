import { Actor, ROLES } from '@enterpark/common';
import { TicketInvalidTransitionError } from '../tickets.errors';
import { refusalFor, submitTicket } from './ticket';
import { ACTION_ROLES, allowedActions, allowedActionsFor, TicketReach, UserAction } from './ticket-actions';
import { TICKET_STATUSES, TicketStatus } from './ticket-status';

const ZONE = 'zone-1';
const OTHER_ZONE = 'zone-2';

const callers = {
  financeClerk: { id: 'u1', role: 'desk_staff', zoneId: null, desks: ['finance'] },
  mediaAndFinanceClerk: { id: 'u2', role: 'desk_staff', zoneId: null, desks: ['media', 'finance'] },
  mediaClerk: { id: 'u3', role: 'desk_staff', zoneId: null, desks: ['media'] },
  zoneManager: { id: 'u4', role: 'zone_manager', zoneId: ZONE, desks: [] },
  otherZoneManager: { id: 'u5', role: 'zone_manager', zoneId: OTHER_ZONE, desks: [] },
  coordinator: { id: 'u6', role: 'coordinator', zoneId: null, desks: [] },
  viewer: { id: 'u7', role: 'viewer', zoneId: null, desks: [] },
} satisfies Record<string, Actor>;

/** A finance ticket of ZONE in `status` (on no desk before routing). */
const finance = (status: TicketStatus): TicketReach => ({ status, zoneId: ZONE, desk: status === 'submitted' ? null : 'finance' });

const cases: [keyof typeof callers, TicketStatus, UserAction[]][] = [
  // Desk staff: their desk's work, never reroute (coordinators) nor cancel or confirm (the zone).
  ['financeClerk', 'routed', ['accept', 'reject', 'request-info', 'return', 'assign']],
  ['financeClerk', 'needs_info', ['reject', 'assign']],
  ['financeClerk', 'returned', ['reject']],
  ['financeClerk', 'triaged', ['assign', 'match']],
  ['financeClerk', 'matching', ['assign', 'match', 'accept-proposal', 'decline-proposal']],
  ['financeClerk', 'matched', ['assign', 'activities']],
  ['financeClerk', 'in_service', ['assign', 'activities', 'complete']],
  ['financeClerk', 'completed', []],
  ['financeClerk', 'submitted', []],
  ['mediaAndFinanceClerk', 'triaged', ['assign', 'match']],
  ['mediaClerk', 'routed', []],
  ['mediaClerk', 'in_service', []],
  // Zone managers: their zone's answers, cancellation before a match, the confirmation.
  ['zoneManager', 'submitted', ['cancel']],
  ['zoneManager', 'routed', ['cancel']],
  ['zoneManager', 'needs_info', ['provide-info', 'cancel']],
  ['zoneManager', 'matched', []],
  ['zoneManager', 'completed', ['confirm']],
  ['zoneManager', 'closed', []],
  ['otherZoneManager', 'needs_info', []],
  ['otherZoneManager', 'completed', []],
  // Coordinators: everything but the zone's own voice.
  ['coordinator', 'routed', ['accept', 'reject', 'request-info', 'return', 'reroute', 'assign', 'cancel']],
  ['coordinator', 'returned', ['reject', 'reroute', 'cancel']],
  ['coordinator', 'needs_info', ['reject', 'provide-info', 'assign', 'cancel']],
  ['coordinator', 'completed', []],
  ...TICKET_STATUSES.map((status) => ['viewer', status, []] as [keyof typeof callers, TicketStatus, UserAction[]]),
];

describe('allowedActionsFor: what the caller may do, by role, reach and status', () => {
  it.each(cases)('%s, %s ticket → %j', (caller, status, expected) => {
    expect(allowedActionsFor(callers[caller], finance(status))).toEqual(expected);
  });

  it('never offers more than the state machine allows, nor an action the role may not take', () => {
    for (const role of ROLES) {
      const actor: Actor = { id: 'x', role, zoneId: role === 'zone_manager' ? ZONE : null, desks: ['finance'] };
      for (const status of TICKET_STATUSES) {
        for (const action of allowedActionsFor(actor, finance(status))) {
          expect(allowedActions(status)).toContain(action);
          expect(ACTION_ROLES[action]).toContain(role);
        }
      }
    }
  });
});

describe('refusalFor: a 409 names what the caller may do now', () => {
  const ticket = { ...submitTicket('t-1', { id: 'l-1', zoneId: ZONE, filedBy: 'u4' }, 1, { type: 'finance', title: '园区贷' }, new Date()).ticket, ...finance('routed') };

  it.each([
    ['financeClerk', ['accept', 'reject', 'request-info', 'return', 'assign']],
    ['zoneManager', ['cancel']],
    ['viewer', []],
  ] as const)('%s → %j', (caller, expected) => {
    const refusal = refusalFor(new TicketInvalidTransitionError('routed', 'confirm'), callers[caller], ticket) as TicketInvalidTransitionError;
    expect(refusal).toBeInstanceOf(TicketInvalidTransitionError);
    expect(refusal.extra).toEqual({ status: 'routed', action: 'confirm', allowedActions: expected });
  });

  it('passes any other error through', () => {
    const other = new Error('boom');
    expect(refusalFor(other, callers.financeClerk, ticket)).toBe(other);
  });
});
