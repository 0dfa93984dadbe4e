import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPrepared } from '@enterpark/database';
import { InlineImage, MailAttachment, MailCategory, MailKind } from '../mail-draft';
import { allowsMailSql } from './mail-preference.repository';

/** A stored message as the sender reads it: everything needed to send it again, nothing to re-query. */
export interface MailMessage {
  id: string;
  kind: MailKind;
  category: MailCategory;
  recipientUserId: string | null;
  toAddress: string;
  toName: string | null;
  subject: string;
  html: string;
  textBody: string;
  inlineImages: InlineImage[];
  attachments: MailAttachment[];
  unsubscribeUrl: string | null;
  messageId: string;
  /** Claims so far, this one included: the fencing token of the current claim. */
  attempts: number;
  createdAt: Date;
}

/** A claimed message, and what the sender must check before sending it, read by the claim itself. */
export interface ClaimedMail {
  message: MailMessage;
  /** The address is on the suppression list (an earlier permanent failure). */
  suppressed: boolean;
  /** The recipient has switched the message's category off (never true for a provider, who has no account). */
  optedOut: boolean;
}

export type FinalMailStatus = 'sent' | 'failed' | 'suppressed' | 'skipped';

interface MailMessageRow {
  id: string;
  kind: MailKind;
  category: MailCategory;
  recipient_user_id: string | null;
  to_address: string;
  to_name: string | null;
  subject: string;
  html: string;
  text_body: string;
  inline_images: InlineImage[];
  attachments: MailAttachment[];
  unsubscribe_url: string | null;
  message_id: string;
  attempts: number;
  created_at: Date;
}

interface ClaimRow extends MailMessageRow {
  suppressed: boolean;
  allowed: boolean;
}

const LEASE = `now() + make_interval(secs => $2::double precision / 1000)`;

/**
 * The states of a stored message. Every write after the claim is fenced by the claim's
 * attempt number: a sender whose lease ran out and whose message was re-claimed cannot
 * overwrite what the new claimant records.
 */
@Injectable()
export class MailMessageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes the message for one send: queued, or `sending` under a lease that has run out (a
   * crashed sender). The same statement reads the suppression list and the recipient's
   * preferences as they are at send time: a send is this round trip and the one that ends it.
   */
  async claim(id: string, leaseMs: number): Promise<ClaimedMail | null> {
    const rows = await queryPrepared<ClaimRow>(
      this.dataSource,
      `UPDATE mail_message m SET status = 'sending', attempts = attempts + 1, lease_until = ${LEASE}, updated_at = now()
        WHERE id = $1 AND (status = 'queued' OR (status = 'sending' AND lease_until < now()))
        RETURNING id, kind, category, recipient_user_id, to_address, to_name, subject, html, text_body, inline_images, attachments,
                  unsubscribe_url, message_id, attempts, created_at,
                  EXISTS (SELECT 1 FROM mail_suppression s WHERE s.address = lower(m.to_address)) AS suppressed,
                  (m.recipient_user_id IS NULL OR ${allowsMailSql('m.recipient_user_id', 'm.category')}) AS allowed`,
      [id, leaseMs],
    );
    if (!rows.length) return null;
    const [row] = rows;
    return { message: toMessage(row), suppressed: row.suppressed, optedOut: !row.allowed };
  }

  /** Ends the claim in a final state; false when the claim was lost meanwhile (nothing written). */
  async finish(message: MailMessage, status: FinalMailStatus, error: string | null = null): Promise<boolean> {
    const written = await queryPrepared(
      this.dataSource,
      `UPDATE mail_message
          SET status = $3, last_error = COALESCE($4, last_error), lease_until = NULL, updated_at = now(),
              sent_at = CASE WHEN $3 = 'sent' THEN now() ELSE sent_at END
        WHERE id = $1 AND status = 'sending' AND attempts = $2
       RETURNING id`,
      [message.id, message.attempts, status, error],
    );
    return written.length > 0;
  }

  /** Gives the message back for a later attempt, recording why this one failed. */
  async requeue(message: MailMessage, error: string): Promise<boolean> {
    const [, count]: [unknown[], number] = await this.dataSource.query(
      `UPDATE mail_message SET status = 'queued', last_error = $3, lease_until = NULL, updated_at = now()
        WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [message.id, message.attempts, error],
    );
    return count > 0;
  }

  async suppress(address: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO mail_suppression (address, reason) VALUES ($1, $2) ON CONFLICT (address) DO NOTHING`,
      [address.toLowerCase(), reason.slice(0, 1000)],
    );
  }

  /** Ids of messages whose send job was lost: queued for a while, or held by a sender whose lease ran out. */
  async findStuck(stuckAfterMs: number, limit: number): Promise<StuckMessage[]> {
    const rows: { id: string; status: 'queued' | 'sending'; attempts: number }[] = await this.dataSource.query(
      `SELECT id, status, attempts FROM mail_message
        WHERE status IN ('queued', 'sending')
          AND ((status = 'queued' AND updated_at < now() - make_interval(secs => $1::double precision / 1000))
               OR (status = 'sending' AND lease_until < now()))
        ORDER BY updated_at
        LIMIT $2`,
      [stuckAfterMs, limit],
    );
    return rows.map((r) => ({ id: r.id, deadSender: r.status === 'sending', attempts: r.attempts }));
  }
}

/** A message the reconciler must dispatch again; `deadSender`: claimed, but its sender's lease ran out. */
export interface StuckMessage {
  id: string;
  deadSender: boolean;
  attempts: number;
}

function toMessage(row: MailMessageRow): MailMessage {
  return {
    id: row.id,
    kind: row.kind,
    category: row.category,
    recipientUserId: row.recipient_user_id,
    toAddress: row.to_address,
    toName: row.to_name,
    subject: row.subject,
    html: row.html,
    textBody: row.text_body,
    inlineImages: row.inline_images,
    attachments: row.attachments ?? [],
    unsubscribeUrl: row.unsubscribe_url,
    messageId: row.message_id,
    attempts: row.attempts,
    createdAt: row.created_at,
  };
}
