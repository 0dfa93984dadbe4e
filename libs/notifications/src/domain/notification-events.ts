import { isoWeekOf } from '@enterpark/common';
import { DomainEvent, EventName } from '@enterpark/events';

/** The events that send someone an email; the notifications queue receives exactly these. */
export const NOTIFICATION_EVENTS = [
  'ticket.match_proposed',
  'ticket.info_requested',
  'ticket.service_completed',
  'demand_list.completed',
  'ticket.sla_breached',
  'ticket.sla_escalated',
  'ticket.sla_unscheduled',
] as const satisfies readonly EventName[];

export type NotificationEventName = (typeof NOTIFICATION_EVENTS)[number];
export type NotificationEvent = { [N in NotificationEventName]: DomainEvent<N> }[NotificationEventName];

export function isNotificationEvent(event: DomainEvent): event is NotificationEvent {
  return (NOTIFICATION_EVENTS as readonly string[]).includes(event.name);
}

/**
 * One message per (event, recipient): the mail outbox's unique dedupe key makes a
 * redelivered event store nothing new. `recipientKey` is a user id, or a provider id for
 * a service provider (no account).
 */
export function notificationDedupeKey(event: NotificationEvent, recipientKey: string): string {
  if (event.name === 'ticket.sla_unscheduled') return calendarMissingDedupeKey(event, recipientKey);
  return `${event.name}:${event.id}:${recipientKey}`;
}

/**
 * A missing calendar year is one problem, however many tickets run into it: one email per
 * coordinator, year and ISO week (the week the deadline was first missed), not per ticket.
 */
function calendarMissingDedupeKey(event: DomainEvent<'ticket.sla_unscheduled'>, recipientKey: string): string {
  return `calendar_missing:${event.payload.missingYear}:${isoWeekOf(new Date(event.occurredAt)).id}:${recipientKey}`;
}
