import { Webhook } from 'standardwebhooks';
import { signedHeaders, webhookBody } from './webhook-message';

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const event = { id: '0b6f4a52-5b0e-4c8e-9d7a-2f3c1e0d9a11', name: 'ticket.routed', occurredAt: new Date('2026-11-23T01:02:03.456Z'), payload: { ticketId: 't-1', zoneId: 'z-1', note: '合肥' } };

describe('webhook messages', () => {
  it('the body is the Standard Webhooks envelope, minified and stable', () => {
    const body = webhookBody(event);
    expect(body).toBe('{"type":"ticket.routed","timestamp":"2026-11-23T01:02:03.456Z","data":{"ticketId":"t-1","zoneId":"z-1","note":"合肥"}}');
    expect(webhookBody(event)).toBe(body);
  });

  it('the headers verify with the standardwebhooks library and the shared secret', () => {
    const body = webhookBody(event);
    // standardwebhooks checks the timestamp against the system clock: sign with it.
    const now = new Date();
    const headers = signedHeaders(SECRET, event, body, now);
    expect(headers['webhook-id']).toBe(event.id);
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(now.getTime() / 1000)));
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(SECRET).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('another secret, a changed body or an old timestamp does not verify', () => {
    const body = webhookBody(event);
    const headers = signedHeaders(SECRET, event, body, new Date());
    const other = `whsec_${Buffer.alloc(32, 8).toString('base64')}`;
    expect(() => new Webhook(other).verify(body, headers)).toThrow('No matching signature found');
    expect(() => new Webhook(SECRET).verify(body.replace('合肥', '芜湖'), headers)).toThrow('No matching signature found');
    const stale = signedHeaders(SECRET, event, body, new Date(Date.now() - 10 * 60_000));
    expect(() => new Webhook(SECRET).verify(body, stale)).toThrow('Message timestamp too old');
  });
});
