import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainEvent } from '@enterpark/events';
import { MailAddressInvalidError, MailOutbox } from '@enterpark/mail';
import { isNotificationEvent } from '../domain/notification-events';
import { NotificationComposer } from './notification-composer.service';

/**
 * Compose, then send, exactly once per (event, recipient). The drafts are composed from
 * the current state outside any transaction; all of one event's messages are stored in
 * ONE transaction (each under its dedupe key `<event>:<event id>:<recipient>`), and their
 * sends are queued after it commits. A redelivered event stores nothing new and queues
 * the same message ids again, which the mail queue (job id = message id) and the
 * sender's claim on the row turn into no-ops. A dispatch lost to a crash after the
 * commit is re-driven by the mail reconciler from the stored rows; a job lost before it
 * ran is found by its missing receipt (written with the messages, even when there are none).
 */
@Injectable()
export class SendNotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly composer: NotificationComposer,
    private readonly outbox: MailOutbox,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** An event that can never be handled (its ticket is gone): recorded, so it is not re-driven. */
  async giveUp(event: DomainEvent, reason: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification_receipt (event_id, messages, error) VALUES ($1, 0, $2) ON CONFLICT (event_id) DO NOTHING`,
      [event.id, reason.slice(0, 1000)],
    );
  }

  /** Returns the ids of the event's stored messages (new or already there). */
  async handle(event: DomainEvent): Promise<string[]> {
    if (!isNotificationEvent(event)) throw new Error(`notifications do not handle ${event.name}`);
    const drafts = await this.composer.compose(this.dataSource.manager, event);
    const ids = await this.dataSource.transaction(async (manager) => {
      const stored: string[] = [];
      for (const draft of drafts) {
        try {
          stored.push((await this.outbox.store(manager, draft)).id);
        } catch (error) {
          // One unusable address (checked before anything is written) must not cost the others their message.
          if (!(error instanceof MailAddressInvalidError)) throw error;
          this.logger.warn(`${draft.dedupeKey}: not stored, ${error.message}`);
        }
      }
      await manager.query(
        `INSERT INTO notification_receipt (event_id, messages) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING`,
        [event.id, stored.length],
      );
      return stored;
    });
    await this.outbox.dispatch(ids);
    return ids;
  }
}
