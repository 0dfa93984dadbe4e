import { InjectQueue } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, Job, Queue, UnrecoverableError } from 'bullmq';
import { AppConfig } from '@enterpark/config';
import { EventName } from '@enterpark/events';
import {
  DeliverJobData,
  DeliverWebhookService,
  DispatchWebhooksService,
  RedriveWebhookDeliveriesService,
  WEBHOOK_DELIVER_JOB,
  WEBHOOK_DISPATCH_JOB,
} from '@enterpark/webhooks';
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
export class WebhooksProcessor extends DrainingWorkerHost implements OnApplicationBootstrap {
  static readonly handles: readonly EventName[] = [];
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
      id: WEBHOOK_DISPATCH_JOB,
      repeat: { every: this.config.webhookPollMs },
      template: { name: WEBHOOK_DISPATCH_JOB, opts: { removeOnComplete: true, removeOnFail: { count: 100 }, attempts: 1 } },
    });
  }

  protected concurrency(): number {
    return CONCURRENCY;
  }

  async process(job: Job, token?: string): Promise<void> {
    if (job.name === WEBHOOK_DISPATCH_JOB) return this.dispatchOnce();
    if (job.name !== WEBHOOK_DELIVER_JOB) throw new UnrecoverableError(`webhooks does not handle ${job.name}`);
    const retryInMs = await this.deliver.execute((job.data as DeliverJobData).deliveryId);
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
