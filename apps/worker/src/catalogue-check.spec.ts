import { checkCatalogue } from './catalogue-check';

describe('checkCatalogue', () => {
  it('accepts handlers that match the subscriptions', () => {
    expect(() => checkCatalogue({ routing: ['ticket.submitted'] })).not.toThrow();
  });

  it('fails when a delivered event has no handler', () => {
    expect(() => checkCatalogue({ routing: [] })).toThrow(/ticket.submitted is delivered to routing/);
  });

  it('fails when a processor claims an event it is never sent', () => {
    expect(() => checkCatalogue({ routing: ['ticket.submitted', 'ticket.routed'] })).toThrow(/routing handles ticket.routed/);
  });
});
