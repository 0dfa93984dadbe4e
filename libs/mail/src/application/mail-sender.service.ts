import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@enterpark/config';
import { Metrics } from '@enterpark/metrics';
import { classifySmtpFailure } from '../domain/smtp-failure';
import { MailMessage, MailMessageRepository } from '../persistence/mail-message.repository';
import { MailTransport } from './mail-transport.service';
import { UnsendableMessageError } from './message-options';

/**
 * What one send job did. `retry`: a transient failure with attempts left; the row is queued
 * again and the caller must fail the job so that the queue retries it after its backoff.
 */
export type SendOutcome =
  | { outcome: 'not_claimed' }
  | { outcome: 'sent' | 'suppressed' | 'skipped' }
  | { outcome: 'failed'; error: string }
  | { outcome: 'retry'; error: string };

/**
 * Sends one stored message, and only from the row: nothing is re-queried or re-rendered.
 *
 * Exactly-once as far as it can go: the claim is atomic (one sender per message at a time)
 * and a sent message is never claimed again, so a redelivered job sends nothing. The one
 * gap no SMTP client can close is a crash after the server accepted the message (250) and
 * before `sent` is recorded: the row stays `sending` until its lease runs out, then the
 * reconciler re-dispatches it and it is sent again, byte for byte the same message with the
 * same Message-ID (fixed at store time), so the duplicate is identifiable and there is still
 * one row. A crash before the server's 250 reply means the server did not take the message:
 * the re-send after the lease is its only delivery.
 */
@Injectable()
export class MailSender {
  private readonly logger = new Logger('MailSender');

  constructor(
    private readonly messages: MailMessageRepository,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  async send(messageId: string): Promise<SendOutcome> {
    const outcome = await this.attempt(messageId);
    if (outcome.outcome !== 'not_claimed') this.metrics.mailMessages.inc({ outcome: outcome.outcome });
    return outcome;
  }

  private async attempt(messageId: string): Promise<SendOutcome> {
    const claimed = await this.messages.claim(messageId, this.config.mailSendLeaseMs);
    // Already sent or ended, or another sender holds a live lease: nothing to do here.
    if (!claimed) return { outcome: 'not_claimed' };
    const { message } = claimed;
    if (claimed.suppressed) return this.end(message, 'suppressed', '收件地址已被屏蔽（此前永久退信）');
    if (claimed.optedOut) return this.end(message, 'skipped', null);
    try {
      await this.transport.deliver(message);
    } catch (error) {
      return this.failed(message, error);
    }
    return this.end(message, 'sent', null);
  }

  private async failed(message: MailMessage, error: unknown): Promise<SendOutcome> {
    if (error instanceof UnsendableMessageError) return this.end(message, 'failed', error.message);
    const failure = classifySmtpFailure(error);
    if (failure.kind === 'permanent') {
      await this.messages.suppress(message.toAddress, failure.error);
      this.logger.warn(`permanent failure for message ${message.id}, address suppressed: ${failure.error}`);
      return this.end(message, 'failed', failure.error);
    }
    if (failure.kind === 'rejected') return this.end(message, 'failed', failure.error);
    if (message.attempts >= this.config.mailMaxAttempts) {
      this.logger.warn(`message ${message.id} failed after ${message.attempts} attempt(s): ${failure.error}`);
      return this.end(message, 'failed', failure.error);
    }
    await this.messages.requeue(message, failure.error);
    return { outcome: 'retry', error: failure.error };
  }

  private async end(message: MailMessage, status: 'sent' | 'failed' | 'suppressed' | 'skipped', error: string | null): Promise<SendOutcome> {
    // A lost claim (our lease ran out, someone re-claimed) records nothing: the new claimant decides.
    if (!(await this.messages.finish(message, status, error))) this.logger.warn(`message ${message.id}: claim lost before recording '${status}'`);
    if (status === 'failed') return { outcome: 'failed', error: error ?? '' };
    return { outcome: status };
  }
}
