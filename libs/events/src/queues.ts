import { JobsOptions } from 'bullmq';
import { EventName } from './event-catalogue';

/** One queue per consumer; each queue's processor lives in apps/worker. */
export const QUEUE_NAMES = ['routing'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/**
 * Where the relay delivers each event. An event with no queue is only recorded
 * (it is still readable from the event log and ticket history).
 */
export const SUBSCRIPTIONS: { readonly [N in EventName]: readonly QueueName[] } = {
  'demand_list.filed': [],
  'ticket.submitted': ['routing'],
  'ticket.routed': [],
};

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

export function queuesFor(name: EventName): readonly QueueName[] {
  return SUBSCRIPTIONS[name];
}
