import { DomainEvent } from '@enterpark/events';
import { audienceOf } from './audience';
import { NotificationEvent, isNotificationEvent, notificationDedupeKey } from './notification-events';

const ticket = { ticketId: 't-1', zoneId: 'z-1' };
const late = { ...ticket, stage: 'triage', dueAt: '2026-11-18T16:00:00.000Z' } as const;

function event(name: string, payload: Record<string, unknown>): NotificationEvent {
  return { id: 'e-1', name, aggregateType: 'ticket', aggregateId: 't-1', zoneId: 'z-1', actorId: null, payload, occurredAt: '2026-11-16T02:00:00.000Z' } as unknown as NotificationEvent;
}

describe('audienceOf', () => {
  it.each([
    ['the proposal goes to its provider', event('ticket.match_proposed', { ...ticket, matchId: 'm-1', providerId: 'p-1', expiresAt: null, reasons: {} }), { kind: 'provider', providerId: 'p-1' }],
    ['a question goes to the zone', event('ticket.info_requested', { ...ticket, question: '?' }), { kind: 'zone_managers', zoneId: 'z-1' }],
    ['a completed service goes to the zone', event('ticket.service_completed', { ...ticket, outcome: 'ok', notes: null, round: 1 }), { kind: 'zone_managers', zoneId: 'z-1' }],
    ['a completed list goes to the zone', event('demand_list.completed', { demandListId: 'l-1', zoneId: 'z-2', summary: {} }), { kind: 'zone_managers', zoneId: 'z-2' }],
    ['a reminder goes to the assignee', event('ticket.sla_breached', { ...late, assigneeId: 'u-1', desk: 'finance' }), { kind: 'user', userId: 'u-1' }],
    ['a reminder without assignee goes to the desk', event('ticket.sla_breached', { ...late, assigneeId: null, desk: 'finance' }), { kind: 'desk', desk: 'finance' }],
    ['a reminder with neither is escalated', event('ticket.sla_breached', { ...late, assigneeId: null, desk: null }), { kind: 'coordinators' }],
    ['an escalation goes to the coordinators', event('ticket.sla_escalated', { ...late, assigneeId: 'u-1', desk: 'finance' }), { kind: 'coordinators' }],
    ['a missing calendar year goes to the coordinators', event('ticket.sla_unscheduled', { ...ticket, stage: 'service', missingYear: 2027 }), { kind: 'coordinators' }],
  ])('%s', (_case, e, expected) => {
    expect(audienceOf(e)).toEqual(expected);
  });
});

describe('notification events', () => {
  it('one dedupe key per (event name, event id, recipient)', () => {
    const asked = event('ticket.info_requested', { ...ticket, question: '?' });
    expect(notificationDedupeKey(asked, 'u-1')).toBe('ticket.info_requested:e-1:u-1');
    expect(notificationDedupeKey(asked, 'u-2')).not.toBe(notificationDedupeKey(asked, 'u-1'));
  });

  it('one missing-year email per (year, ISO week, coordinator), whichever ticket ran into it', () => {
    const missing = (id: string, missingYear: number, occurredAt: string) =>
      ({ ...event('ticket.sla_unscheduled', { ...ticket, stage: 'service', missingYear }), id, occurredAt }) as NotificationEvent;
    const monday = missing('e-1', 2027, '2026-12-13T16:00:00.000Z'); // Monday 14 Dec 00:00 Shanghai: 2026-W51
    const sunday = missing('e-2', 2027, '2026-12-20T15:59:59.000Z'); // Sunday 20 Dec 23:59:59 Shanghai: still W51
    expect(notificationDedupeKey(monday, 'u-1')).toBe('calendar_missing:2027:2026-W51:u-1');
    expect(notificationDedupeKey(sunday, 'u-1')).toBe(notificationDedupeKey(monday, 'u-1'));
    expect(notificationDedupeKey(missing('e-3', 2027, '2026-12-20T16:00:00.000Z'), 'u-1')).toBe('calendar_missing:2027:2026-W52:u-1');
    expect(notificationDedupeKey(missing('e-4', 2028, '2026-12-14T02:00:00.000Z'), 'u-1')).toBe('calendar_missing:2028:2026-W51:u-1');
  });

  it.each([
    ['ticket.match_proposed', true],
    ['ticket.sla_escalated', true],
    ['ticket.sla_unscheduled', true],
    ['ticket.routed', false],
    ['ticket.closed', false],
  ])('%s is a notification event: %s', (name, expected) => {
    expect(isNotificationEvent({ name } as DomainEvent)).toBe(expected);
  });
});
