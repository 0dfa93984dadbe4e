import { UnrecoverableError } from 'bullmq';
import { AppConfig } from '@enterpark/config';
import { QueueHandlers } from '@enterpark/events';
import { MailSender } from '@enterpark/mail';
import { DrainingWorkerHost, QueueProcessor } from '../draining-worker-host';

/**
 * Sends stored messages, one job per message (`mail-<id>`). A transient failure fails the
 * job so that BullMQ retries it with exponential backoff (attempts and backoff are set by
 * MailOutbox.dispatch); the row records each attempt and its error, and ends `failed` at
 * the last one. Everything else (sent, suppressed, skipped, permanently failed, already
 * handled) completes the job: the row is the record, not the queue.
 */
@QueueProcessor('mail')
export class MailProcessor extends DrainingWorkerHost<'mail'> {
  protected readonly handlers: QueueHandlers<'mail'> = {
    'mail.send': (data) => this.send(data.messageId),
  };

  constructor(
    private readonly sender: MailSender,
    private readonly config: AppConfig,
  ) {
    super();
  }

  protected concurrency(): number {
    return this.config.mailSendConcurrency;
  }

  private async send(messageId: unknown): Promise<void> {
    if (typeof messageId !== 'string') throw new UnrecoverableError('malformed mail.send job');
    const result = await this.sender.send(messageId);
    if (result.outcome === 'retry') throw new Error(result.error);
  }
}
