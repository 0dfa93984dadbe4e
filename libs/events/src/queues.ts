import { JobsOptions } from 'bullmq';
import { EventName } from './event-catalogue';

/**
 * One queue per consumer; each queue's processor lives in apps/worker. `timers` carries
 * no events: a job scheduler on it wakes the sweep of deadlines held in the database.
 * `mail` (send one stored message), `digests` (the weekly run and one digest's composition)
 * `webhooks` (fan-out and delivery) and `bulletins` (the daily check for a bulletin due)
 * carry jobs of their own, not events.
 */
export const QUEUE_NAMES = ['routing', 'matching', 'completion', 'timers', 'notifications', 'mail', 'digests', 'webhooks', 'bulletins'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/**
 * Where the relay delivers each event. An event with no queue is only recorded
 * (it is still readable from the event log, the ticket history and GET /events).
 */
export const SUBSCRIPTIONS = {
  // Routing takes a filed list's tickets in one job (not one job per ticket), and a
  // rerouted ticket alone; ticket.submitted itself is only recorded.
  'demand_list.filed': ['routing'],
  'demand_list.completed': ['notifications'],
  'ticket.submitted': [],
  // An assignee is told the ticket is theirs.
  'ticket.routed': ['notifications'],
  // Matching proposes the next candidate after each of these...
  'ticket.accepted': ['matching'],
  'ticket.match_declined': ['matching'],
  'ticket.match_expired': ['matching'],
  // ...and frees the provider when the ticket ends. Completion builds summaries and completes lists.
  'ticket.cancelled': ['matching', 'completion'],
  'ticket.confirmed': ['matching', 'completion'],
  'ticket.rejected': ['completion'],
  'ticket.service_completed': ['completion', 'notifications'],
  'ticket.info_requested': ['notifications'],
  'ticket.info_provided': [],
  'ticket.returned': [],
  'ticket.rerouted': ['routing'],
  'ticket.assigned': ['notifications'],
  'ticket.match_proposed': ['notifications'],
  'ticket.matching_exhausted': [],
  'ticket.matched': [],
  'ticket.activity_recorded': [],
  'ticket.reopened': [],
  'ticket.completed': [],
  'ticket.closed': [],
  'ticket.sla_breached': ['notifications'],
  'ticket.sla_escalated': ['notifications'],
  'ticket.sla_unscheduled': ['notifications'],
  'ticket.problem_linked': [],
  'ticket.problem_unlinked': [],
  // Each linked zone's managers hear of the resolution once per problem (the dedupe key is per problem).
  'ticket.problem_resolved': ['notifications'],
  'ticket.template_used': [],
} as const satisfies { readonly [N in EventName]: readonly QueueName[] };

/**
 * The job id is the event id, so publishing an event twice while its job exists is
 * a no-op; completed jobs are dropped because consumers are idempotent anyway.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * Queues whose jobs differ from the default. Notifications: a job that used up its attempts
 * is not kept, so the reconciler's re-publish of an event without a receipt (its emails
 * never stored) creates it again instead of being swallowed by the failed job's id.
 */
export const QUEUE_JOB_OPTIONS: Partial<Record<QueueName, JobsOptions>> = {
  notifications: { ...DEFAULT_JOB_OPTIONS, removeOnFail: true },
};

export function queuesFor(name: EventName): readonly QueueName[] {
  return SUBSCRIPTIONS[name] as readonly QueueName[];
}
