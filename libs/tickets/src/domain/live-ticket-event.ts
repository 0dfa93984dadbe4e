import { AccessScope, ServiceType } from '@enterpark/common';
import { EVENT_NAMES, EventName } from '@enterpark/events';
import { isTicketInScope } from './ticket-actions';

/** The events a live queue hears about: everything that happens to a ticket. */
export const TICKET_EVENT_NAMES: readonly EventName[] = EVENT_NAMES.filter((n) => n.startsWith('ticket.'));

/** One event of the log as a live queue receives it, with who may see it. */
export interface LiveTicketEvent {
  type: EventName;
  ticketId: string;
  at: Date;
  zoneId: string;
  /**
   * The desks it concerns: the ticket's desk now and, for a reroute, the desk it left (which
   * held it a moment ago and must see it go). None while the ticket waits for routing.
   */
  desks: ServiceType[];
}

/** Scoped exactly like GET /tickets: the zone's managers, the desks' staff, coordinators and viewers. */
export function isVisibleTo(scope: AccessScope, event: LiveTicketEvent): boolean {
  const desks = event.desks.length ? event.desks : [null];
  return desks.some((desk) => isTicketInScope(scope, { zoneId: event.zoneId, desk }));
}
