import { Injectable } from '@nestjs/common';
import { AppConfig } from '@enterpark/config';
import { TransactionRunner } from '@enterpark/database';
import { Metrics } from '@enterpark/metrics';
import { judgeAttempt } from '../domain/delivery-outcome';
import { signedHeaders, webhookBody } from '../domain/webhook-message';
import { ClaimedDelivery, WebhookDeliveryRepository } from '../persistence/webhook-delivery.repository';
import { WebhookEndpointRepository } from '../persistence/webhook-endpoint.repository';
import { postWebhook } from '../transport/webhook-http-client';
import { DestinationGuard } from './destination-guard.service';

/** Beyond the request timeout, how long a claimed attempt may take before another worker takes over. */
const LEASE_MARGIN_MS = 30_000;

/**
 * One attempt of one delivery: claim it, sign and POST the event, record the outcome. The
 * destination is checked again here, after resolution, by the connection's own lookup.
 * At least once: a worker dying between the receiver's 2xx and the record sends again after
 * its lease; the unchanged `webhook-id` lets the receiver drop the duplicate.
 */
@Injectable()
export class DeliverWebhookService {
  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly guard: DestinationGuard,
    private readonly tx: TransactionRunner,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  /** Answers in how many ms this delivery wants its next attempt, or null when it needs none now. */
  async execute(deliveryId: string): Promise<number | null> {
    const claim = await this.deliveries.claim(deliveryId, this.config.webhookTimeoutMs + LEASE_MARGIN_MS);
    if (claim.kind === 'none') return null;
    if (claim.kind === 'later') return claim.inMs;
    return this.attempt(claim.delivery);
  }

  private async attempt(delivery: ClaimedDelivery): Promise<number | null> {
    const body = webhookBody(delivery.event);
    // The attempt's wall-clock time, not the domain Clock: receivers compare it with theirs.
    const headers = signedHeaders(delivery.secret, delivery.event, body, new Date());
    const result = await postWebhook({ url: delivery.url, headers, body, timeoutMs: this.config.webhookTimeoutMs }, this.guard);
    const judged = judgeAttempt(result, delivery.attempts, { maxAttempts: this.config.webhookMaxAttempts, backoffMs: this.config.webhookBackoffMs });
    const recorded = await this.tx.run(async (manager) => {
      const ours = await this.deliveries.record(manager, delivery, judged);
      const verdict = judged.verdict;
      if (ours && verdict.status === 'failed' && verdict.disableEndpoint) await this.endpoints.disable(manager, delivery.endpointId, verdict.disableEndpoint);
      return ours;
    });
    if (recorded) this.metrics.webhookDeliveries.inc({ result: judged.verdict.status });
    return recorded && judged.verdict.status === 'pending' ? judged.verdict.retryInMs : null;
  }
}
