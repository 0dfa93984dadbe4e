import { Injectable } from '@nestjs/common';
import { MailOutbox } from '../mail-outbox.service';
import { MailMessageRepository } from '../persistence/mail-message.repository';

/**
 * The reconciler's use case for mail: messages whose send job was lost (a crash between
 * store and dispatch, a Redis without persistence) or whose sender died mid-send (lease run
 * out). They are dispatched again under their job id `mail-<id>`: while a job for the
 * message still exists (waiting, or delayed for its backoff) that is a no-op, and finished
 * jobs are removed, so a lost one is re-created.
 */
@Injectable()
export class RedriveStuckMailService {
  constructor(
    private readonly messages: MailMessageRepository,
    private readonly outbox: MailOutbox,
  ) {}

  async execute(stuckAfterMs: number, limit = 1000): Promise<number> {
    const ids = await this.messages.findStuck(stuckAfterMs, limit);
    await this.outbox.dispatch(ids);
    return ids.length;
  }
}
