import { assertNever, ServiceType } from '@enterpark/common';
import { NotificationEvent } from './notification-events';

/** Who an event's email goes to, before anyone is looked up. */
export type Audience =
  | { kind: 'provider'; providerId: string }
  | { kind: 'zone_managers'; zoneId: string }
  | { kind: 'user'; userId: string }
  | { kind: 'desk'; desk: ServiceType }
  | { kind: 'coordinators' }
  | { kind: 'nobody' };

/**
 * The people who must act on each event. A reminder (催办) goes to the assignee named by
 * the event (the person who was late), or to the whole desk while nobody is assigned;
 * an escalation (督办) to every coordinator. A reminder that somehow has neither is
 * escalated rather than dropped. A ticket routed or assigned goes to its new assignee,
 * unless nobody was chosen (a desk_only rule) or the assignee took it themselves.
 */
export function audienceOf(event: NotificationEvent): Audience {
  switch (event.name) {
    case 'ticket.match_proposed':
      return { kind: 'provider', providerId: event.payload.providerId };
    case 'ticket.info_requested':
    case 'ticket.service_completed':
    case 'ticket.problem_resolved':
    case 'demand_list.completed':
      return { kind: 'zone_managers', zoneId: event.payload.zoneId };
    case 'ticket.sla_breached':
      if (event.payload.assigneeId) return { kind: 'user', userId: event.payload.assigneeId };
      if (event.payload.desk) return { kind: 'desk', desk: event.payload.desk };
      return { kind: 'coordinators' };
    case 'ticket.sla_escalated':
    case 'ticket.sla_unscheduled':
      return { kind: 'coordinators' };
    case 'ticket.routed':
      return event.payload.assigneeId ? { kind: 'user', userId: event.payload.assigneeId } : { kind: 'nobody' };
    case 'ticket.assigned':
      return event.actorId === event.payload.assigneeId ? { kind: 'nobody' } : { kind: 'user', userId: event.payload.assigneeId };
    default:
      return assertNever(event);
  }
}
