import { routeTicket, submitTicket, Ticket } from './ticket';
import { TICKET_STATUSES, TicketStatus } from './ticket-status';
import { TicketInvalidTransitionError } from '../tickets.errors';

const now = new Date('2026-11-21T02:00:00Z');
const list = { id: '00000000-0000-4000-8000-000000000001', zoneId: '00000000-0000-4000-8000-000000000002', filedBy: '00000000-0000-4000-8000-000000000003' };
const ticketId = '00000000-0000-4000-8000-000000000004';

function submitted(): Ticket {
  return submitTicket(ticketId, list, 1, { type: 'finance', title: '园区贷' }, now).ticket;
}

describe('submitTicket', () => {
  it('makes a submitted ticket of the list and zone, with its ticket.submitted event', () => {
    const { ticket, event } = submitTicket(ticketId, list, 3, { type: 'media', title: '宣传片', tags: ['短视频'] }, now);
    expect(ticket).toMatchObject({ status: 'submitted', zoneId: list.zoneId, demandListId: list.id, seq: 3, desk: null, assigneeId: null, version: 1 });
    expect(event).toMatchObject({ name: 'ticket.submitted', aggregateId: ticketId, actorId: list.filedBy, payload: { ticketId, type: 'media' } });
  });
});

describe('routeTicket', () => {
  it('moves submitted → routed, to the desk of its type, with the assignee and the event', () => {
    const later = new Date(now.getTime() + 40);
    const { ticket, event } = routeTicket(submitted(), 'staff-1', 'least_loaded', later);
    expect(ticket).toMatchObject({ status: 'routed', desk: 'finance', assigneeId: 'staff-1', routedAt: later, version: 2 });
    expect(event).toMatchObject({ name: 'ticket.routed', payload: { desk: 'finance', assigneeId: 'staff-1', rule: 'least_loaded' } });
  });

  it('routes to the desk without an assignee when nobody is chosen', () => {
    expect(routeTicket(submitted(), null, 'desk_only', now).ticket).toMatchObject({ status: 'routed', desk: 'finance', assigneeId: null });
  });

  it.each(TICKET_STATUSES.filter((s) => s !== 'submitted'))('refuses to route a %s ticket', (status: TicketStatus) => {
    const ticket = { ...submitted(), status, desk: 'finance' as const };
    expect(() => routeTicket(ticket, 'staff-1', 'least_loaded', now)).toThrow(TicketInvalidTransitionError);
  });
});
