import { EventName } from '@enterpark/events';

/** Every endpoint is considered for every event fanned out: keep the number small. */
export const WEBHOOK_LIMITS = { maxEndpoints: 100, maxEvents: 50 } as const;

export type WebhookEndpointStatus = 'active' | 'disabled';

/** An endpoint as the API shows it: never with its secret. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  events: EventName[];
  description: string | null;
  status: WebhookEndpointStatus;
  disabledReason: string | null;
  createdBy: string;
  createdAt: Date;
}

export type WebhookDeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed' | 'cancelled';
export const WEBHOOK_DELIVERY_STATUSES: readonly WebhookDeliveryStatus[] = ['pending', 'sending', 'delivered', 'failed', 'cancelled'];

/** One line of an endpoint's deliveries log. */
export interface WebhookDelivery {
  id: string;
  eventId: string;
  eventName: EventName;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  /** The first bytes of the last response body (≤ 1 KB); nothing more is kept. */
  lastResponse: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}
