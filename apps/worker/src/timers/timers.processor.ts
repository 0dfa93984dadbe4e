import { InjectQueue } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '@enterpark/config';
import { QueueHandlers } from '@enterpark/events';
import { ExpireProposalsService } from '@enterpark/matching';
import { SlaSweepService } from '@enterpark/tickets';
import { DrainingWorkerHost, QueueProcessor } from '../draining-worker-host';
import { DeclaredSchedules } from '../schedules/declared-schedules';

/**
 * Wakes the sweeps of deadlines held in the database (SLA stages, proposal expiries).
 * The schedule is declared under one fixed id, so any number of worker replicas keep
 * exactly one; a lost Redis loses only wake-ups, and DeclaredSchedules declares it again.
 */
@QueueProcessor('timers')
export class TimersProcessor extends DrainingWorkerHost<'timers'> implements OnApplicationBootstrap {
  protected readonly handlers: QueueHandlers<'timers'> = {
    'timers.sweep': () => this.sweepOnce(),
  };
  private readonly logger = new Logger('Timers');

  constructor(
    @InjectQueue('timers') private readonly queue: Queue,
    private readonly sla: SlaSweepService,
    private readonly proposals: ExpireProposalsService,
    private readonly config: AppConfig,
    private readonly schedules: DeclaredSchedules,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.declare({
      queue: this.queue,
      id: 'timers.sweep', // the scheduler's id is the job's name: one schedule, whatever the replicas
      repeat: { every: this.config.timerSweepMs },
      template: { name: 'timers.sweep', opts: { removeOnComplete: true, removeOnFail: { count: 100 }, attempts: 1 } },
    });
  }

  /** One sweep at a time per worker; replicas may sweep together (claims skip each other's rows). */
  protected concurrency(): number {
    return 1;
  }

  /** One pass over every timer kind; also called directly by tests after moving the clock. */
  async sweepOnce(): Promise<void> {
    const expired = await this.proposals.expireDue();
    const sla = await this.sla.sweep();
    if (expired || sla.breached || sla.escalated) {
      this.logger.log(`timers: ${expired} proposal(s) expired, SLA ${sla.breached} breached (催办), ${sla.escalated} escalated (督办)`);
    }
  }
}
