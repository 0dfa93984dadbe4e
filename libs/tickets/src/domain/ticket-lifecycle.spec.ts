import { declineMatch, escalateMatching, expireMatch, matchTicket, proposeMatch } from './matching-transitions';
import { completeTicket, confirmTicket, recordActivity } from './service';
import { routeTicket, submitTicket, Ticket, Transition } from './ticket';
import { ACTION_FROM, allowedActions, TicketAction, USER_ACTIONS } from './ticket-actions';
import { TICKET_STATUSES, TicketStatus } from './ticket-status';
import { acceptTicket, assignTicket, cancelTicket, provideInfo, rejectTicket, requestInfo, rerouteTicket, returnTicket } from './triage';
import { TicketInvalidTransitionError } from '../tickets.errors';

const now = new Date('2026-11-23T02:00:00Z');
const act = { actorId: 'actor-1', now };
const match = { id: 'match-1', providerId: 'provider-1' };
const list = { id: 'list-1', zoneId: 'zone-1', filedBy: 'zm-1' };

function ticketIn(status: TicketStatus): Ticket {
  const base = submitTicket('ticket-1', list, 1, { type: 'finance', title: '园区贷', tags: ['融资'] }, now).ticket;
  return { ...base, status, desk: status === 'submitted' ? null : 'finance', assigneeId: 'staff-1', providerId: 'provider-1' };
}

/** Every action of the machine, as the code that runs it calls it. */
const RUN: Record<TicketAction, (t: Ticket) => Transition> = {
  route: (t) => {
    const { ticket, event } = routeTicket(t, 'staff-1', 'least_loaded', now);
    return { ticket, events: [event] };
  },
  accept: (t) => acceptTicket(t, { priority: 'high' }, act),
  reject: (t) => rejectTicket(t, '不属于受理范围', act),
  'request-info': (t) => requestInfo(t, '请补充融资规模', act),
  'provide-info': (t) => provideInfo(t, '5000 万元', act),
  return: (t) => returnTicket(t, { reason: '分错了', suggestedType: 'training' }, act),
  reroute: (t) => rerouteTicket(t, { type: 'training', reason: '改派培训' }, act),
  assign: (t) => assignTicket(t, 'staff-2', act),
  match: (t) => matchTicket(t, match, 'manual', 'actor-1', now),
  activities: (t) => recordActivity(t, { id: 'a-1', ticketId: t.id, day: '2026-11-20', kind: 'visit', notes: '走访', recordedBy: 'actor-1', recordedAt: now }, act),
  complete: (t) => completeTicket(t, { outcome: '授信 3000 万元' }, act),
  confirm: (t) => confirmTicket(t, { rating: 5, solved: true }, act),
  cancel: (t) => cancelTicket(t, '需求已解决', act),
  'accept-proposal': (t) => matchTicket(t, match, 'staff', 'actor-1', now),
  'decline-proposal': (t) => declineMatch(t, match, 'link', '档期已满', null, now),
  propose: (t) => proposeMatch(t, { ...match, expiresAt: now, reasons: {} }, now),
  'expire-proposal': (t) => expireMatch(t, match, now),
  'escalate-matching': (t) => escalateMatching(t, { declined: 1, expired: 2 }, now),
};

/** Where each allowed action leads (the status after it). */
const TARGET: Partial<Record<TicketAction, TicketStatus>> = {
  route: 'routed',
  accept: 'triaged',
  reject: 'rejected',
  'request-info': 'needs_info',
  'provide-info': 'routed',
  return: 'returned',
  reroute: 'submitted',
  match: 'matched',
  activities: 'in_service',
  complete: 'completed',
  confirm: 'closed',
  cancel: 'cancelled',
  'accept-proposal': 'matched',
  'decline-proposal': 'triaged',
  propose: 'matching',
  'expire-proposal': 'triaged',
};

const cases = TICKET_STATUSES.flatMap((status) => (Object.keys(RUN) as TicketAction[]).map((action) => [status, action] as const));

describe('the ticket state machine: every status × every action', () => {
  it.each(cases)('%s × %s', (status, action) => {
    const before = ticketIn(status);
    const allowed = (ACTION_FROM[action] as readonly TicketStatus[]).includes(status);
    if (!allowed) {
      let refusal: unknown;
      try {
        RUN[action](before);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(TicketInvalidTransitionError);
      expect((refusal as TicketInvalidTransitionError).extra).toEqual({ status, action, allowedActions: allowedActions(status) });
      return;
    }
    const result = RUN[action](before);
    expect(result.ticket.version).toBe(before.version + 1);
    expect(result.ticket.status).toBe(TARGET[action] ?? status);
    expect(result.events.length).toBeGreaterThan(0);
  });
});

describe('allowedActions', () => {
  it.each([
    ['routed', ['accept', 'reject', 'request-info', 'return', 'reroute', 'assign', 'cancel']],
    ['needs_info', ['reject', 'provide-info', 'assign', 'cancel']],
    ['completed', ['confirm']],
    ['closed', []],
  ] as const)('%s → %j', (status, actions) => {
    expect(allowedActions(status)).toEqual(actions);
  });

  it('lists only actions people take', () => {
    for (const status of TICKET_STATUSES) for (const a of allowedActions(status)) expect(USER_ACTIONS).toContain(a);
  });
});

describe('transition details', () => {
  it('accept starts the matching clock, takes the ticket for the acceptor when unassigned', () => {
    const { ticket, events } = acceptTicket({ ...ticketIn('routed'), assigneeId: null }, {}, act);
    expect(ticket).toMatchObject({ priority: 'normal', assigneeId: 'actor-1', acceptedAt: now, slaStage: 'matching', slaStartedAt: now, slaDueAt: null });
    expect(events[0]).toMatchObject({ name: 'ticket.accepted', actorId: 'actor-1', payload: { priority: 'normal' } });
  });

  it('request-info stops the clock; provide-info restarts triage', () => {
    const asked = requestInfo(ticketIn('routed'), '请补充', act).ticket;
    expect(asked.slaStage).toBeNull();
    expect(provideInfo(asked, '已补充', act).ticket).toMatchObject({ status: 'routed', slaStage: 'triage' });
  });

  it('reroute sends the ticket back through routing under its new type, off every desk', () => {
    const { ticket, events } = rerouteTicket(ticketIn('returned'), { type: 'media', reason: '应为宣传需求' }, act);
    expect(ticket).toMatchObject({ status: 'submitted', type: 'media', desk: null, assigneeId: null, routedAt: null });
    expect(events.map((e) => e.name)).toEqual(['ticket.rerouted', 'ticket.submitted']);
  });

  it('an unsolved confirmation reopens the ticket in a new round with the reason', () => {
    const { ticket, events } = confirmTicket(ticketIn('completed'), { rating: 2, solved: false, comment: '授信额度不足' }, act);
    expect(ticket).toMatchObject({ status: 'in_service', round: 2, rating: 2, completedAt: null, slaStage: 'service' });
    expect(events.map((e) => e.name)).toEqual(['ticket.confirmed', 'ticket.reopened']);
    expect(events[1].payload).toMatchObject({ reason: '授信额度不足', round: 2 });
  });

  it('the first activity moves matched → in_service and stamps it; later ones keep the first time', () => {
    const first = RUN.activities(ticketIn('matched')).ticket;
    expect(first).toMatchObject({ status: 'in_service', activityCount: 1, firstActivityAt: now });
    const later = recordActivity(first, { id: 'a-2', ticketId: first.id, day: '2026-11-21', kind: 'meeting', notes: '座谈', recordedBy: 'x', recordedAt: new Date(now.getTime() + 1000) }, { ...act, now: new Date(now.getTime() + 1000) }).ticket;
    expect(later).toMatchObject({ activityCount: 2, firstActivityAt: now });
  });

  it('matching starts the service clock and records the provider', () => {
    expect(RUN.match(ticketIn('triaged')).ticket).toMatchObject({ status: 'matched', providerId: 'provider-1', matchedAt: now, slaStage: 'service' });
  });
});
