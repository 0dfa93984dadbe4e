import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { newId } from '@enterpark/common';
import { MailDraft } from './mail-draft';

/** The job that sends one stored message. */
export const MAIL_SEND_JOB = 'mail.send';

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
  constructor(@InjectQueue('mail') private readonly queue: Queue) {}

  async store(manager: EntityManager, draft: MailDraft): Promise<StoredMail> {
    const id = newId();
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO mail_message (id, dedupe_key, kind, category, recipient_user_id, to_address, to_name, subject, html, text_body, inline_images, message_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [
        id,
        draft.dedupeKey,
        draft.kind,
        draft.category,
        draft.recipientUserId,
        draft.to.address.toLowerCase(),
        draft.to.name ?? null,
        draft.subject,
        draft.html,
        draft.text,
        JSON.stringify(draft.inlineImages ?? []),
        `<${id}@enterpark>`,
      ],
    );
    if (inserted.length > 0) return { id, created: true };
    const [existing] = await manager.query(`SELECT id FROM mail_message WHERE dedupe_key = $1`, [draft.dedupeKey]);
    return { id: existing.id, created: false };
  }

  /** Queues the sends of stored messages. Call after the storing transaction committed. */
  async dispatch(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.queue.addBulk(ids.map((id) => ({ name: MAIL_SEND_JOB, data: { messageId: id }, opts: { jobId: `mail-${id}` } })));
  }
}
