import { QUEUE_NAMES, queuesFor, EVENT_NAMES, EventName, QueueName } from '@enterpark/events';
import { checkCatalogue } from './catalogue-check';

/** The handlers each queue would need: exactly the events subscribed to it. */
function subscribed(): Record<QueueName, EventName[]> {
  const handlers = Object.fromEntries(QUEUE_NAMES.map((q) => [q, [] as EventName[]])) as Record<QueueName, EventName[]>;
  for (const name of EVENT_NAMES) for (const queue of queuesFor(name)) handlers[queue].push(name);
  return handlers;
}

describe('checkCatalogue', () => {
  it('accepts handlers that match the subscriptions', () => {
    expect(() => checkCatalogue(subscribed())).not.toThrow();
  });

  it('fails when a delivered event has no handler', () => {
    expect(() => checkCatalogue({ ...subscribed(), routing: [] })).toThrow(/ticket.submitted is delivered to routing/);
  });

  it('fails when a queue that receives events has no processor at all', () => {
    const { matching: _dropped, ...rest } = subscribed();
    expect(() => checkCatalogue(rest)).toThrow(/ticket.accepted is delivered to matching/);
  });

  it('fails when a processor claims an event it is never sent', () => {
    expect(() => checkCatalogue({ ...subscribed(), routing: ['ticket.submitted', 'ticket.routed'] })).toThrow(/routing handles ticket.routed/);
  });
});
