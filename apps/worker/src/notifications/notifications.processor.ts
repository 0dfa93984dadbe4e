import { Job, UnrecoverableError } from 'bullmq';
import { DomainError } from '@enterpark/common';
import { DomainEvent, EventName } from '@enterpark/events';
import { NOTIFICATION_EVENTS, SendNotificationsService } from '@enterpark/notifications';
import { DrainingWorkerHost, QueueProcessor } from '../draining-worker-host';

/** Composing is a few reads and one short transaction per event; SMTP happens on the mail queue. */
const CONCURRENCY = 10;

/**
 * Turns the events people must act on into stored emails, one per (event, recipient),
 * and queues their sends. Redeliveries store nothing new (dedupe keys) and re-queue the
 * same messages, which the mail queue ignores.
 */
@QueueProcessor('notifications')
export class NotificationsProcessor extends DrainingWorkerHost {
  static readonly handles: readonly EventName[] = NOTIFICATION_EVENTS;

  constructor(private readonly notifications: SendNotificationsService) {
    super();
  }

  protected concurrency(): number {
    return CONCURRENCY;
  }

  async process(job: Job<DomainEvent>): Promise<void> {
    const event = job.data;
    if (!NotificationsProcessor.handles.includes(event.name)) throw new UnrecoverableError(`notifications do not handle ${job.name}`);
    try {
      await this.notifications.handle(event);
    } catch (error) {
      // A domain refusal (the ticket is gone, a draft the mail library refuses) will not change on
      // retry: its receipt says so, and the reconciler leaves the event alone.
      if (!(error instanceof DomainError)) throw error;
      await this.notifications.giveUp(event, `${error.code}: ${error.message}`);
      throw new UnrecoverableError(`${error.code}: ${error.message}`);
    }
  }
}
