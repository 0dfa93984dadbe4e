import { UnrecoverableError } from 'bullmq';
import { DomainError } from '@enterpark/common';
import { DomainEvent, oneHandlerFor } from '@enterpark/events';
import { NOTIFICATION_EVENTS, SendNotificationsService } from '@enterpark/notifications';
import { MicroBatcher } from '../micro-batcher';
import { DrainingWorkerHost, QueueProcessor } from '../draining-worker-host';

/** Jobs in flight at once: as many events as can share one batch. */
const CONCURRENCY = 200;
const BATCH_SIZE = 200;
const BATCH_WAIT_MS = 2;

/**
 * Turns the events people must act on into stored emails, one per (event, recipient),
 * and queues their sends. Jobs that arrive together are handled as one batch (a few reads,
 * one transaction, one queue call: MicroBatcher); a batch that fails is retried event by
 * event, so one bad event fails only its own job. Redeliveries store nothing new (dedupe
 * keys) and re-queue the same messages, which the mail queue ignores.
 */
@QueueProcessor('notifications')
export class NotificationsProcessor extends DrainingWorkerHost<'notifications'> {
  protected readonly handlers = oneHandlerFor(NOTIFICATION_EVENTS, (event) => this.notify(event));

  private readonly batcher = new MicroBatcher<DomainEvent>(
    async (events) => {
      await this.notifications.handleMany(events);
    },
    BATCH_SIZE,
    BATCH_WAIT_MS,
  );

  constructor(private readonly notifications: SendNotificationsService) {
    super();
  }

  protected concurrency(): number {
    return CONCURRENCY;
  }

  private async notify(event: DomainEvent): Promise<void> {
    try {
      await this.batcher.add(event);
    } catch (error) {
      // A domain refusal (the ticket is gone, a draft the mail library refuses) will not change on
      // retry: its receipt says so, and the reconciler leaves the event alone.
      if (!(error instanceof DomainError)) throw error;
      await this.notifications.giveUp(event, `${error.code}: ${error.message}`);
      throw new UnrecoverableError(`${error.code}: ${error.message}`);
    }
  }
}
