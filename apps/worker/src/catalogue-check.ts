import { EVENT_NAMES, EventName, QUEUE_NAMES, QueueName, queuesFor } from '@enterpark/events';

/**
 * Fails the worker's boot when an event is delivered to a queue whose processor does not
 * handle it, or a processor claims an event nobody sends it: a typo cannot silently drop events.
 */
export function checkCatalogue(handlers: Partial<Record<QueueName, readonly EventName[]>>): void {
  const problems: string[] = [];
  for (const name of EVENT_NAMES) {
    for (const queue of queuesFor(name)) {
      if (!handlers[queue]?.includes(name)) problems.push(`${name} is delivered to ${queue}, whose processor does not handle it`);
    }
  }
  for (const queue of QUEUE_NAMES) {
    for (const name of handlers[queue] ?? []) {
      if (!queuesFor(name).includes(queue)) problems.push(`${queue} handles ${name}, which is never delivered to it`);
    }
  }
  if (problems.length) throw new Error(`Event catalogue mismatch:\n  ${problems.join('\n  ')}`);
}
