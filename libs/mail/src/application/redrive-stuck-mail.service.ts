import { Injectable } from '@nestjs/common';
import { QueuedJobs } from '@enterpark/events';
import { MailOutbox, sendJobId } from '../mail-outbox.service';
import { MailMessageRepository } from '../persistence/mail-message.repository';

/**
 * The reconciler's use case for mail: messages whose send job was lost (a crash between
 * store and dispatch, a Redis without persistence) or whose sender died mid-send (lease run
 * out). Only a message whose send job (`mail-<id>`, or a dead sender's `-r<attempts>`) is
 * missing or finished is lost (QueuedJobs): it is dispatched again and counted. One still
 * waiting, delayed for its backoff or active is late behind a backlog and left alone.
 */
@Injectable()
export class RedriveStuckMailService {
  constructor(
    private readonly messages: MailMessageRepository,
    private readonly outbox: MailOutbox,
    private readonly jobs: QueuedJobs,
  ) {}

  async execute(stuckAfterMs: number, limit = 1000): Promise<number> {
    const stuck = await this.messages.findStuck(stuckAfterMs, limit);
    if (stuck.length === 0) return 0;
    // A message whose job still waits, is delayed or active is late (a backlog), not lost: left alone, not counted.
    const lost = new Set(await this.jobs.lostJobs('mail', stuck.map(sendJobId)));
    const redrive = stuck.filter((m) => lost.has(sendJobId(m)));
    await this.outbox.redispatch(redrive);
    return redrive.length;
  }
}
