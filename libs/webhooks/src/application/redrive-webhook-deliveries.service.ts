import { Injectable } from '@nestjs/common';
import { AppConfig } from '@enterpark/config';
import { WebhookDeliveryRepository } from '../persistence/webhook-delivery.repository';
import { WebhookJobs } from './webhook-jobs';

const LIMIT = 500;

/**
 * Queues again the deliveries due for longer than RECONCILE_STUCK_AFTER_MS: a job lost between
 * the fan-out's commit and its queueing, dropped with Redis, or a worker that died mid-attempt
 * (its lease ran out). A delivery whose job still exists is a no-op (same job id).
 */
@Injectable()
export class RedriveWebhookDeliveriesService {
  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly jobs: WebhookJobs,
    private readonly config: AppConfig,
  ) {}

  async execute(): Promise<number> {
    const ids = await this.deliveries.overdue(this.config.reconcileStuckAfterMs, LIMIT);
    await this.jobs.deliver(ids);
    return ids.length;
  }
}
