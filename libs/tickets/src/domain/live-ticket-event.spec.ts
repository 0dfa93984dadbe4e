import { AccessScope } from '@enterpark/common';
import { isVisibleTo, LiveTicketEvent, TICKET_EVENT_NAMES } from './live-ticket-event';

const event = (desks: LiveTicketEvent['desks']): LiveTicketEvent => ({ type: 'ticket.routed', ticketId: 't-1', at: new Date(), zoneId: 'z-1', desks });
const scopes: Record<string, AccessScope> = {
  province: { kind: 'province' },
  ownZone: { kind: 'zone', zoneId: 'z-1' },
  otherZone: { kind: 'zone', zoneId: 'z-2' },
  financeDesk: { kind: 'desks', desks: ['finance'] },
  mediaDesk: { kind: 'desks', desks: ['media'] },
  noDesk: { kind: 'desks', desks: [] },
};

describe('isVisibleTo: a live event reaches whoever GET /tickets shows the ticket to', () => {
  it.each([
    ['province', [], true],
    ['ownZone', ['finance'], true],
    ['ownZone', [], true],
    ['otherZone', ['finance'], false],
    ['financeDesk', ['finance'], true],
    ['mediaDesk', ['finance'], false],
    ['financeDesk', [], false],
    ['noDesk', ['finance'], false],
    // a reroute from finance to media: both desks hear it
    ['financeDesk', ['media', 'finance'], true],
    ['mediaDesk', ['media', 'finance'], true],
  ] as const)('%s, ticket on %j → %s', (scope, desks, visible) => {
    expect(isVisibleTo(scopes[scope], event([...desks]))).toBe(visible);
  });

  it('covers every ticket event and nothing else', () => {
    expect(TICKET_EVENT_NAMES).toContain('ticket.routed');
    expect(TICKET_EVENT_NAMES).toContain('ticket.sla_escalated');
    expect(TICKET_EVENT_NAMES.some((n) => n.startsWith('demand_list.'))).toBe(false);
  });
});
