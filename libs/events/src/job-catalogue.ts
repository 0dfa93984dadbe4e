import type { JobsOptions } from 'bullmq';
import { QueueName } from './queues';

/**
 * Every job that is not an event, with its payload: one typed map, as the event catalogue is
 * for events. Payloads carry ids, never entities; handlers re-read state.
 */
export interface JobPayloads {
  /** Sweep every deadline that is due (scheduled, or woken by a calendar publication). */
  'timers.sweep': Record<string, never>;
  /** Send one stored message. */
  'mail.send': { messageId: string };
  /** The weekly trigger: plan every digest week that is due. */
  'digests.run': Record<string, never>;
  /** Compose (and store) one planned digest, then hand it to the mail sender. */
  'digest.compose': { recipientId: string; week: string };
  /** Wake the webhook fan-out from the event log. */
  'webhooks.dispatch': Record<string, never>;
  /** One delivery attempt of one webhook delivery. */
  'webhook.deliver': { deliveryId: string };
  /** The daily 09:00 check: issue the bulletins due today (first working day of a month or quarter). */
  'bulletins.run': Record<string, never>;
}

export type JobName = keyof JobPayloads;

/** The queue each job runs on: its processor in apps/worker must handle it. */
export const JOB_QUEUES = {
  'timers.sweep': 'timers',
  'mail.send': 'mail',
  'digests.run': 'digests',
  'digest.compose': 'digests',
  'webhooks.dispatch': 'webhooks',
  'webhook.deliver': 'webhooks',
  'bulletins.run': 'bulletins',
} as const satisfies { readonly [J in JobName]: QueueName };

export const JOB_NAMES = Object.keys(JOB_QUEUES) as JobName[];

/** One job as `queue.add` / `addBulk` take it, its payload checked against the catalogue. */
export interface JobSpec<J extends JobName = JobName> {
  name: J;
  data: JobPayloads[J];
  opts?: JobsOptions;
}

export function jobSpec<J extends JobName>(name: J, data: JobPayloads[J], opts?: JobsOptions): JobSpec<J> {
  return { name, data, ...(opts ? { opts } : {}) };
}
