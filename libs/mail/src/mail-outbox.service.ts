import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { newId } from '@enterpark/common';
import { queryPrepared } from '@enterpark/database';
import { AppConfig } from '@enterpark/config';
import { jobSpec } from '@enterpark/events';
import { UnsubscribeLinks } from './application/unsubscribe-links.service';
import { checkDraft } from './domain/draft-rules';
import { addressOfMailbox } from './domain/header-safety';
import { MailDraft } from './mail-draft';
import { MailAddressInvalidError } from './mail.errors';

/** The columns a stored message is written with, in the order of `MailRow.values`, and their types. */
const MAIL_COLUMNS = [
  ['id', 'uuid'],
  ['dedupe_key', 'text'],
  ['kind', 'text'],
  ['category', 'text'],
  ['recipient_user_id', 'uuid'],
  ['to_address', 'text'],
  ['to_name', 'text'],
  ['subject', 'text'],
  ['html', 'text'],
  ['text_body', 'text'],
  ['inline_images', 'jsonb'],
  ['unsubscribe_url', 'text'],
  ['message_id', 'text'],
  ['attachments', 'jsonb'],
] as const;

interface MailRow {
  id: string;
  dedupeKey: string;
  values: unknown[];
}

/** The send job of a stuck message: its own, or for a dead sender's, one per claim (see MailOutbox.redispatch). */
export function sendJobId(m: { id: string; deadSender: boolean; attempts: number }): string {
  return m.deadSender ? `mail-${m.id}-r${m.attempts}` : `mail-${m.id}`;
}

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
   * MailDraftInvalidError for a draft that could never be sent safely.
   */
  async store(manager: EntityManager, draft: MailDraft): Promise<StoredMail> {
    const [stored] = await this.storeMany(manager, [draft]);
    if (stored instanceof MailAddressInvalidError) throw stored;
    return stored;
  }

  /**
   * Stores each draft unless its dedupe key is taken (by a stored message or an earlier draft
   * of the same call), in one INSERT and at most one SELECT for the keys already taken. Per
   * draft, in order: its message, or the MailAddressInvalidError that kept it out, so that
   * one unusable address does not cost the others their message; any other invalid draft
   * throws MailDraftInvalidError. The Message-ID is fixed here, once: every send of a row,
   * a re-send after a crash included, carries it.
   */
  async storeMany(manager: EntityManager, drafts: readonly MailDraft[]): Promise<(StoredMail | MailAddressInvalidError)[]> {
    const rows = drafts.map((draft) => this.rowOrAddressError(draft));
    const byKey = new Map<string, MailRow>();
    for (const row of rows) if (!(row instanceof MailAddressInvalidError) && !byKey.has(row.dedupeKey)) byKey.set(row.dedupeKey, row);
    const stored = await this.insertRows(manager, [...byKey.values()]);
    const answered = new Set<string>();
    return rows.map((row) => {
      if (row instanceof MailAddressInvalidError) return row;
      const mail = stored.get(row.dedupeKey)!;
      const first = !answered.has(row.dedupeKey);
      answered.add(row.dedupeKey);
      return { id: mail.id, created: mail.created && first };
    });
  }

  private rowOrAddressError(draft: MailDraft): MailRow | MailAddressInvalidError {
    try {
      return this.rowOf(draft);
    } catch (error) {
      if (error instanceof MailAddressInvalidError) return error;
      throw error;
    }
  }

  private rowOf(draft: MailDraft): MailRow {
    const checked = checkDraft(draft);
    const id = newId();
    return {
      id,
      dedupeKey: draft.dedupeKey,
      values: [
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
        draft.recipientUserId ? this.links.urlFor(draft.recipientUserId, draft.category) : null,
        `<${id}@${this.messageIdDomain()}>`,
        JSON.stringify(checked.attachments),
      ],
    };
  }

  /** The message of each key, new or already there. */
  private async insertRows(manager: EntityManager, rows: MailRow[]): Promise<Map<string, StoredMail>> {
    const stored = new Map<string, StoredMail>();
    if (rows.length === 0) return stored;
    // In key order: concurrent calls wait on each other's keys in one order, never in a cycle.
    rows.sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0));
    const columns = MAIL_COLUMNS.map((_, i) => rows.map((row) => row.values[i]));
    const inserted = await queryPrepared<{ id: string; dedupe_key: string }>(
      manager,
      `INSERT INTO mail_message (${MAIL_COLUMNS.map(([name]) => name).join(', ')})
       SELECT * FROM unnest(${MAIL_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id, dedupe_key`,
      columns,
    );
    for (const row of inserted) stored.set(row.dedupe_key, { id: row.id, created: true });
    const taken = rows.filter((row) => !stored.has(row.dedupeKey)).map((row) => row.dedupeKey);
    if (taken.length === 0) return stored;
    const existing: { id: string; dedupe_key: string }[] = await manager.query(`SELECT id, dedupe_key FROM mail_message WHERE dedupe_key = ANY($1::text[])`, [taken]);
    for (const row of existing) stored.set(row.dedupe_key, { id: row.id, created: false });
    return stored;
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
    await this.addJobs(stuck.map((m) => ({ id: m.id, jobId: sendJobId(m) })));
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
