import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { newId } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { jobSpec } from '@enterpark/events';
import { UnsubscribeLinks } from './application/unsubscribe-links.service';
import { checkDraft } from './domain/draft-rules';
import { addressOfMailbox } from './domain/header-safety';
import { MailDraft } from './mail-draft';

export interface StoredMail {
  id: string;
  /** False when a message with the same dedupe key was already stored (a redelivery). */
  created: boolean;
}

/**
 * Compose, then send: a use case stores the message in its own transaction (so the
 * message exists exactly when the state that caused it does), then, after commit,
 * dispatches it. A dispatch lost to a crash is re-driven by the reconciler from the
 * stored row; the job id is the message id, so a second dispatch is a no-op.
 */
@Injectable()
export class MailOutbox {
  constructor(
    @InjectQueue('mail') private readonly queue: Queue,
    private readonly config: AppConfig,
    private readonly links: UnsubscribeLinks,
  ) {}

  /**
   * Stores `draft` unless its dedupe key is taken. Throws MailAddressInvalidError /
   * MailDraftInvalidError for a draft that could never be sent safely. The Message-ID is
   * fixed here, once: every send of this row, a re-send after a crash included, carries it.
   */
  async store(manager: EntityManager, draft: MailDraft): Promise<StoredMail> {
    const checked = checkDraft(draft);
    const id = newId();
    const unsubscribeUrl = draft.recipientUserId ? this.links.urlFor(draft.recipientUserId, draft.category) : null;
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO mail_message (id, dedupe_key, kind, category, recipient_user_id, to_address, to_name, subject, html, text_body,
                                 inline_images, unsubscribe_url, message_id, attachments)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [
        id,
        draft.dedupeKey,
        draft.kind,
        draft.category,
        draft.recipientUserId,
        checked.address,
        checked.name,
        checked.subject,
        draft.html,
        draft.text,
        JSON.stringify(checked.inlineImages),
        unsubscribeUrl,
        `<${id}@${this.messageIdDomain()}>`,
        JSON.stringify(checked.attachments),
      ],
    );
    if (inserted.length > 0) return { id, created: true };
    const [existing] = await manager.query(`SELECT id FROM mail_message WHERE dedupe_key = $1`, [draft.dedupeKey]);
    return { id: existing.id, created: false };
  }

  /** Queues the sends of stored messages. Call after the storing transaction committed. */
  async dispatch(ids: readonly string[]): Promise<void> {
    await this.addJobs(ids.map((id) => ({ id, jobId: `mail-${id}` })));
  }

  /**
   * The reconciler's re-dispatch. A message whose sender died mid-send still has that
   * sender's job, `active` in BullMQ until its stall check hands it back (up to 10 s later),
   * so it goes out under a job id of its own per claim (`-r<attempts>`); the row's claim
   * (lease run out, attempt number checked) keeps the two jobs from both sending.
   */
  async redispatch(stuck: readonly { id: string; deadSender: boolean; attempts: number }[]): Promise<void> {
    await this.addJobs(stuck.map((m) => ({ id: m.id, jobId: m.deadSender ? `mail-${m.id}-r${m.attempts}` : `mail-${m.id}` })));
  }

  private async addJobs(jobs: { id: string; jobId: string }[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue.addBulk(jobs.map(({ id, jobId }) => jobSpec('mail.send', { messageId: id }, this.jobOptions(jobId))));
  }

  private jobOptions(jobId: string): JobsOptions {
    return {
      jobId,
      attempts: this.config.mailMaxAttempts,
      backoff: { type: 'exponential', delay: this.config.mailBackoffMs },
      // The row is the record (status, attempts, last_error): a finished job, failed or not,
      // is dropped so that the reconciler's re-dispatch under the same id is not swallowed.
      removeOnComplete: true,
      removeOnFail: true,
    };
  }

  private messageIdDomain(): string {
    return addressOfMailbox(this.config.mailFrom)?.split('@')[1] ?? 'enterpark.local';
  }
}
