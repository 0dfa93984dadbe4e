import { Job, UnrecoverableError } from 'bullmq';
import { AppConfig } from '@enterpark/config';
import { EventName } from '@enterpark/events';
import { MAIL_SEND_JOB, MailSendJob, MailSender } from '@enterpark/mail';
import { DrainingWorkerHost, QueueProcessor } from '../draining-worker-host';

/**
 * Sends stored messages, one job per message (`mail-<id>`). A transient failure fails the
 * job so that BullMQ retries it with exponential backoff (attempts and backoff are set by
 * MailOutbox.dispatch); the row records each attempt and its error, and ends `failed` at
 * the last one. Everything else (sent, suppressed, skipped, permanently failed, already
 * handled) completes the job: the row is the record, not the queue.
 */
@QueueProcessor('mail')
export class MailProcessor extends DrainingWorkerHost {
  static readonly handles: readonly EventName[] = [];

  constructor(
    private readonly sender: MailSender,
    private readonly config: AppConfig,
  ) {
    super();
  }

  protected concurrency(): number {
    return this.config.mailSendConcurrency;
  }

  async process(job: Job<MailSendJob>): Promise<void> {
    if (job.name !== MAIL_SEND_JOB || typeof job.data?.messageId !== 'string') throw new UnrecoverableError(`mail does not handle ${job.name}`);
    const result = await this.sender.send(job.data.messageId);
    if (result.outcome === 'retry') throw new Error(result.error);
  }
}
