import { Webhook } from 'standardwebhooks';

export interface WebhookEventSource {
  id: string;
  name: string;
  occurredAt: Date;
  payload: unknown;
}

/**
 * The body Standard Webhooks recommends: `{type, timestamp, data}`, minified. Built from the
 * stored event alone, so every retry sends (and signs) the same bytes.
 */
export function webhookBody(event: WebhookEventSource): string {
  return JSON.stringify({ type: event.name, timestamp: event.occurredAt.toISOString(), data: event.payload });
}

/**
 * The signed headers of one attempt. `webhook-id` is the event id: the same on every retry,
 * so a receiver can use it as its idempotency key. The timestamp is the attempt's, in wall
 * clock seconds: receivers check it against their own clock to refuse replays.
 */
export function signedHeaders(secret: string, event: Pick<WebhookEventSource, 'id'>, body: string, attemptAt: Date): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'EnterPark-Webhooks/1',
    'webhook-id': event.id,
    'webhook-timestamp': String(Math.floor(attemptAt.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(event.id, attemptAt, body),
  };
}
