import { isoWeekOf } from '@enterpark/common';
import { DomainEvent, EventName } from '@enterpark/events';
import { MailCategory } from '@enterpark/mail';

/** The events that send someone an email; the notifications queue receives exactly these. */
export const NOTIFICATION_EVENTS = [
  'ticket.match_proposed',
  'ticket.info_requested',
  'ticket.service_completed',
  'demand_list.completed',
  'ticket.sla_breached',
  'ticket.sla_escalated',
  'ticket.sla_unscheduled',
  'ticket.routed',
  'ticket.assigned',
  'ticket.problem_resolved',
] as const satisfies readonly EventName[];

export type NotificationEventName = (typeof NOTIFICATION_EVENTS)[number];
export type NotificationEvent = { [N in NotificationEventName]: DomainEvent<N> }[NotificationEventName];

export function isNotificationEvent(event: DomainEvent): event is NotificationEvent {
  return (NOTIFICATION_EVENTS as readonly string[]).includes(event.name);
}

/** The mail categories of notifications (the digest is the other one). */
export type NotificationCategory = Extract<MailCategory, 'notification' | 'assignment'>;

/** Being given a ticket is a category of its own: desk staff may switch it off and keep the rest. */
export function categoryOf(event: Pick<NotificationEvent, 'name'>): NotificationCategory {
  return event.name === 'ticket.routed' || event.name === 'ticket.assigned' ? 'assignment' : 'notification';
}

/**
 * One message per (event, recipient): the mail outbox's unique dedupe key makes a
 * redelivered event store nothing new. `recipientKey` is a user id, or a provider id for
 * a service provider (no account).
 */
export function notificationDedupeKey(event: NotificationEvent, recipientKey: string): string {
  if (event.name === 'ticket.sla_unscheduled') return calendarMissingDedupeKey(event, recipientKey);
  // One email per problem and manager, however many of the zone's tickets the problem holds.
  if (event.name === 'ticket.problem_resolved') return `problem_resolved:${event.payload.problemId}:${recipientKey}`;
  return `${event.name}:${event.id}:${recipientKey}`;
}

/**
 * A missing calendar year is one problem, however many tickets run into it: one email per
 * coordinator, year and ISO week (the week the deadline was first missed), not per ticket.
 */
function calendarMissingDedupeKey(event: DomainEvent<'ticket.sla_unscheduled'>, recipientKey: string): string {
  return `calendar_missing:${event.payload.missingYear}:${isoWeekOf(new Date(event.occurredAt)).id}:${recipientKey}`;
}
