import { checkHandlers, namesHandledBy } from './queue-handlers';

describe('what each queue must handle, from the event and job catalogues', () => {
  it.each([
    ['routing', ['demand_list.filed', 'ticket.rerouted']],
    ['matching', ['ticket.accepted', 'ticket.cancelled', 'ticket.confirmed', 'ticket.match_declined', 'ticket.match_expired']],
    ['timers', ['timers.sweep']],
    ['mail', ['mail.send']],
    ['digests', ['digest.compose', 'digests.run']],
    ['webhooks', ['webhook.deliver', 'webhooks.dispatch']],
    ['bulletins', ['bulletins.run']],
  ] as const)('%s', (queue, names) => {
    expect(namesHandledBy(queue).sort()).toEqual([...names].sort());
  });

  it('passes a processor with exactly those handlers', () => {
    expect(() => checkHandlers('webhooks', ['webhooks.dispatch', 'webhook.deliver'])).not.toThrow();
  });

  it('fails the boot naming a missing and a stray handler', () => {
    expect(() => checkHandlers('matching', ['ticket.accepted', 'ticket.cancelled', 'ticket.confirmed', 'ticket.match_declined', 'ticket.routed'])).toThrow(
      'queue matching: ticket.match_expired arrives but has no handler; ticket.routed has a handler but never arrives',
    );
  });
});
