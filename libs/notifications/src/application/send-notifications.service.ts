import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainEvent } from '@enterpark/events';
import { MailAddressInvalidError, MailDraft, MailOutbox, StoredMail } from '@enterpark/mail';
import { isNotificationEvent } from '../domain/notification-events';
import { NotificationComposer } from './notification-composer.service';

/**
 * Compose, then send, exactly once per (event, recipient). The drafts are composed from
 * the current state outside any transaction; all of one event's messages (or a batch's) are
 * stored in ONE transaction with its receipt (each message under its dedupe key
 * `<event>:<event id>:<recipient>`), and their sends are queued after it commits. A redelivered event stores nothing new and queues
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
    const [ids] = await this.handleMany([event]);
    return ids;
  }

  /**
   * Several events at once, as one: their reads batched, all their messages and receipts
   * stored in one transaction, their sends queued in one call. Per event, the ids of its
   * stored messages. Throws when any event fails (a DomainError: its ticket is gone...):
   * the caller handles the events one by one to tell which.
   */
  async handleMany(events: readonly DomainEvent[]): Promise<string[][]> {
    const notifications = events.map((event) => {
      if (!isNotificationEvent(event)) throw new Error(`notifications do not handle ${event.name}`);
      return event;
    });
    const reads = await this.composer.reads(this.dataSource.manager, notifications);
    const drafts = await Promise.all(notifications.map((event) => this.composer.compose(reads, event)));
    const ids = await this.dataSource.transaction(async (manager) => {
      const stored = await this.outbox.storeMany(manager, drafts.flat());
      const perEvent = drafts.map((ofEvent) => stored.splice(0, ofEvent.length).flatMap((mail, i) => this.storedId(ofEvent[i], mail)));
      // In id order, like the messages: concurrent batches holding one event never wait on each other in a cycle.
      const receipts = notifications.map((e, i) => ({ eventId: e.id, messages: perEvent[i].length })).sort((a, b) => (a.eventId < b.eventId ? -1 : 1));
      await manager.query(
        `INSERT INTO notification_receipt (event_id, messages) SELECT * FROM unnest($1::uuid[], $2::int[]) ON CONFLICT (event_id) DO NOTHING`,
        [receipts.map((r) => r.eventId), receipts.map((r) => r.messages)],
      );
      return perEvent;
    });
    await this.outbox.dispatch([...new Set(ids.flat())]);
    return ids;
  }

  /** One unusable address (checked before anything is written) must not cost the others their message. */
  private storedId(draft: MailDraft, mail: StoredMail | MailAddressInvalidError): string[] {
    if (!(mail instanceof MailAddressInvalidError)) return [mail.id];
    this.logger.warn(`${draft.dedupeKey}: not stored, ${mail.message}`);
    return [];
  }
}
