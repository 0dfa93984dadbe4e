import { Injectable } from '@nestjs/common';
import { MailOutbox } from '../mail-outbox.service';
import { MailMessageRepository } from '../persistence/mail-message.repository';

/**
 * The reconciler's use case for mail: messages whose send job was lost (a crash between
 * store and dispatch, a Redis without persistence) or whose sender died mid-send (lease run
 * out). A queued message is dispatched again under its job id `mail-<id>`: while its job
 * still exists (waiting, or delayed for its backoff) that is a no-op, and finished jobs are
 * removed, so a lost one is re-created. A dead sender's message gets a job of its own.
 */
@Injectable()
export class RedriveStuckMailService {
  constructor(
    private readonly messages: MailMessageRepository,
    private readonly outbox: MailOutbox,
  ) {}

  async execute(stuckAfterMs: number, limit = 1000): Promise<number> {
    const stuck = await this.messages.findStuck(stuckAfterMs, limit);
    await this.outbox.redispatch(stuck);
    return stuck.length;
  }
}
