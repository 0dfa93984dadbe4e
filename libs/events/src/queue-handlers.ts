import type { Job } from 'bullmq';
import { DomainEvent, EVENT_NAMES, EventName } from './event-catalogue';
import { JOB_NAMES, JOB_QUEUES, JobName, JobPayloads } from './job-catalogue';
import { QueueName, SUBSCRIPTIONS } from './queues';

/** The events the relay delivers to queue `Q`. */
export type EventsOf<Q extends QueueName> = { [N in EventName]: Q extends (typeof SUBSCRIPTIONS)[N][number] ? N : never }[EventName];
/** The jobs that run on queue `Q`. */
export type JobsOf<Q extends QueueName> = { [J in JobName]: (typeof JOB_QUEUES)[J] extends Q ? J : never }[JobName];

/**
 * What a queue's processor must handle, by name: exactly the events delivered to it and the
 * jobs that run on it, each with its payload type. A processor declares one object of this
 * type, so a missing or stray handler is a compile error (and `checkHandlers` a boot error).
 */
export type QueueHandlers<Q extends QueueName> = { [N in EventsOf<Q>]: (event: DomainEvent<N>, job: Job, token?: string) => Promise<unknown> } & {
  [J in JobsOf<Q>]: (data: JobPayloads[J], job: Job, token?: string) => Promise<unknown>;
};

/** Every name queue `queue` must handle, from the two catalogues. */
export function namesHandledBy(queue: QueueName): string[] {
  const events = EVENT_NAMES.filter((name) => (SUBSCRIPTIONS[name] as readonly QueueName[]).includes(queue));
  const jobs = JOB_NAMES.filter((name) => JOB_QUEUES[name] === queue);
  return [...events, ...jobs];
}

/** Fails a worker's boot when a processor's handlers differ from what its queue receives. */
export function checkHandlers(queue: QueueName, handled: readonly string[]): void {
  const expected = namesHandledBy(queue);
  const missing = expected.filter((name) => !handled.includes(name));
  const stray = handled.filter((name) => !expected.includes(name));
  if (missing.length || stray.length) {
    throw new Error(`queue ${queue}: ${[...missing.map((n) => `${n} arrives but has no handler`), ...stray.map((n) => `${n} has a handler but never arrives`)].join('; ')}`);
  }
}

/** One handler for several events (a consumer that treats them alike), as a handler map. */
export function oneHandlerFor<N extends EventName>(names: readonly N[], handle: (event: DomainEvent<N>) => Promise<unknown>): { [K in N]: (event: DomainEvent<K>) => Promise<unknown> } {
  return Object.fromEntries(names.map((name) => [name, handle])) as unknown as { [K in N]: (event: DomainEvent<K>) => Promise<unknown> };
}
