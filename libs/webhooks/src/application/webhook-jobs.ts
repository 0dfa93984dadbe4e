import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { jobSpec } from '@enterpark/events';

/**
 * Queues delivery attempts. The job id is the delivery's, so queueing one that already has a
 * job (waiting, delayed for its retry, running) is a no-op. Finished jobs are dropped either
 * way: the delivery row is the record, and a dropped job can be queued again by the re-drive.
 */
@Injectable()
export class WebhookJobs {
  constructor(@InjectQueue('webhooks') private readonly queue: Queue) {}

  async deliver(deliveryIds: readonly string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    await this.queue.addBulk(
      deliveryIds.map((deliveryId) => jobSpec('webhook.deliver', { deliveryId }, { jobId: `webhook-${deliveryId}`, removeOnComplete: true, removeOnFail: true })),
    );
  }
}
