import { UnrecoverableError } from 'bullmq';
import { DomainError } from '@enterpark/common';
import { DomainEvent, oneHandlerFor } from '@enterpark/events';
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
export class NotificationsProcessor extends DrainingWorkerHost<'notifications'> {
  protected readonly handlers = oneHandlerFor(NOTIFICATION_EVENTS, (event) => this.notify(event));

  constructor(private readonly notifications: SendNotificationsService) {
    super();
  }

  protected concurrency(): number {
    return CONCURRENCY;
  }

  private async notify(event: DomainEvent): Promise<void> {
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
