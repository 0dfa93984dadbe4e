import { DomainEvent, EventName } from '@enterpark/events';

/** The events that send someone an email; the notifications queue receives exactly these. */
export const NOTIFICATION_EVENTS = [
  'ticket.match_proposed',
  'ticket.info_requested',
  'ticket.service_completed',
  'demand_list.completed',
  'ticket.sla_breached',
  'ticket.sla_escalated',
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
export function notificationDedupeKey(event: Pick<DomainEvent, 'name' | 'id'>, recipientKey: string): string {
  return `${event.name}:${event.id}:${recipientKey}`;
}
