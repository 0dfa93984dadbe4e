import { InjectQueue } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { IssueBulletinService } from '@enterpark/bulletins';
import { Clock, shanghaiDay } from '@enterpark/common';
import { QueueHandlers } from '@enterpark/events';
import { DrainingWorkerHost, QueueProcessor } from '../draining-worker-host';
import { DeclaredSchedules } from '../schedules/declared-schedules';

export const BULLETINS_SCHEDULER_ID = 'bulletins.daily';
/** Every day at 09:00 Asia/Shanghai; the run itself decides whether today is the first working day. */
export const BULLETINS_CRON = { pattern: '0 9 * * *', tz: 'Asia/Shanghai' };

const TRIGGER_OPTS = { removeOnComplete: true, removeOnFail: { count: 100 }, attempts: 3, backoff: { type: 'exponential', delay: 5_000 } };

/**
 * 一月一通报、一季一评比. The daily job only triggers the check; the bulletin row per period
 * makes issuing exactly once whatever the number of replicas or redeliveries. Each boot runs
 * the check once too (under the day's job id), so a worker down at 09:00 on the first working
 * day still issues that day.
 */
@QueueProcessor('bulletins')
export class BulletinsProcessor extends DrainingWorkerHost<'bulletins'> implements OnApplicationBootstrap {
  protected readonly handlers: QueueHandlers<'bulletins'> = {
    'bulletins.run': () => this.bulletins.issueDue(),
  };

  constructor(
    @InjectQueue('bulletins') private readonly queue: Queue,
    private readonly bulletins: IssueBulletinService,
    private readonly clock: Clock,
    private readonly schedules: DeclaredSchedules,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.declare({ queue: this.queue, id: BULLETINS_SCHEDULER_ID, repeat: BULLETINS_CRON, template: { name: 'bulletins.run', opts: TRIGGER_OPTS } });
    await this.queue.add('bulletins.run', {}, { ...TRIGGER_OPTS, jobId: `bulletins-boot-${shanghaiDay(this.clock.now())}` });
  }

  /** One check at a time: two would only race for the same row. */
  protected concurrency(): number {
    return 1;
  }
}
