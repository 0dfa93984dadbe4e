import { InjectQueue } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, Job, Queue } from 'bullmq';
import { AppConfig } from '@enterpark/config';
import { QueueHandlers } from '@enterpark/events';
import { DeliverWebhookService, DispatchWebhooksService, RedriveWebhookDeliveriesService } from '@enterpark/webhooks';
import { DrainingWorkerHost, QueueProcessor } from '../draining-worker-host';
import { DeclaredSchedules } from '../schedules/declared-schedules';

/** Attempts in flight per worker; each waits at most WEBHOOK_TIMEOUT_MS on its receiver. */
const CONCURRENCY = 16;

/**
 * The `webhooks` queue carries no events. A job scheduler under one fixed id (declared at
 * every boot and whenever Redis lost it, so replicas keep exactly one) wakes the fan-out every WEBHOOK_POLL_MS, which
 * also re-drives deliveries whose job was lost; each delivery attempt is a job of its own,
 * delayed in place (same job id) until its retry is due.
 */
@QueueProcessor('webhooks')
export class WebhooksProcessor extends DrainingWorkerHost<'webhooks'> implements OnApplicationBootstrap {
  protected readonly handlers: QueueHandlers<'webhooks'> = {
    'webhooks.dispatch': () => this.dispatchOnce(),
    'webhook.deliver': (data, job, token) => this.deliverOnce(data.deliveryId, job, token),
  };
  private readonly logger = new Logger('Webhooks');

  constructor(
    @InjectQueue('webhooks') private readonly queue: Queue,
    private readonly dispatch: DispatchWebhooksService,
    private readonly deliver: DeliverWebhookService,
    private readonly redrive: RedriveWebhookDeliveriesService,
    private readonly config: AppConfig,
    private readonly schedules: DeclaredSchedules,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.declare({
      queue: this.queue,
      id: 'webhooks.dispatch',
      repeat: { every: this.config.webhookPollMs },
      template: { name: 'webhooks.dispatch', opts: { removeOnComplete: true, removeOnFail: { count: 100 }, attempts: 1 } },
    });
  }

  protected concurrency(): number {
    return CONCURRENCY;
  }

  private async deliverOnce(deliveryId: string, job: Job, token?: string): Promise<void> {
    const retryInMs = await this.deliver.execute(deliveryId);
    if (retryInMs === null) return;
    // The same job waits for the retry: its id stays taken, so the re-drive cannot queue a twin.
    await job.moveToDelayed(Date.now() + retryInMs, token);
    throw new DelayedError();
  }

  /** One fan-out and re-drive pass; also called directly by tests. */
  async dispatchOnce(): Promise<void> {
    const created = await this.dispatch.fanOut();
    const redriven = await this.redrive.execute();
    if (redriven > 0) this.logger.warn(`webhooks: re-driving ${redriven} overdue deliver(ies) whose job was lost`);
    if (created > 0) this.logger.debug(`webhooks: ${created} deliver(ies) created`);
  }
}
