import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { settlesWithin } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { Metrics } from '@enterpark/metrics';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { DeclaredSchedules } from '../schedules/declared-schedules';
import { EVENT_REDRIVES, JOB_REDRIVES, NamedRedrive } from './redrives';

/**
 * Periodically re-drives work whose job was lost (a Redis failover without persistence, a
 * worker killed mid-job), found from state: tickets stuck in `submitted`, accepted tickets
 * without a proposal, finished tickets still holding a provider or lacking their summary,
 * lists whose tickets are all final, notification events without a receipt (through the
 * outbox), and stored mail or planned digests that were never sent (their jobs re-queued).
 * An event whose job still waits, is delayed or is active is late, not lost, and is left alone
 * (QueuedJobs); what is re-driven is counted in `enterpark_reconciler_redrives_total`.
 * Each pass also declares again the job schedulers Redis lost. A pass starts
 * RECONCILE_INTERVAL_MS after the previous one ended: passes never pile up behind a slow one.
 */
@Injectable()
export class Reconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Reconciler');
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private round: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(EVENT_REDRIVES) private readonly eventRedrives: NamedRedrive[],
    @Inject(JOB_REDRIVES) private readonly jobRedrives: NamedRedrive[],
    private readonly relay: OutboxRelay,
    private readonly schedules: DeclaredSchedules,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduleNext();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    // Bounded: a round stuck on a server that is gone is simply done again by the next start.
    await settlesWithin(this.round, this.config.drainTimeoutMs);
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.reconcileOnce().finally(() => this.scheduleNext());
    }, this.config.reconcileIntervalMs);
  }

  /** One pass; answers how many events and jobs it re-drove. */
  async reconcileOnce(): Promise<number> {
    await this.schedules.restoreMissing().catch((error: Error) => this.logger.error(`checking the job schedulers failed: ${error.message}`));
    try {
      const after = this.config.reconcileStuckAfterMs;
      let events = 0;
      for (const { what, redrive } of this.eventRedrives) {
        const n = await redrive.execute(after);
        if (n > 0) this.metrics.reconcilerRedrives.inc({ what }, n);
        events += n;
      }
      if (events > 0) {
        this.logger.warn(`re-driving ${events} event(s) whose jobs were lost`);
        this.relay.wake();
      }
      let jobs = 0;
      for (const { what, redrive } of this.jobRedrives) {
        const n = await redrive.execute(after);
        if (n > 0) {
          this.logger.warn(`re-queuing ${n} stuck ${what} job(s)`);
          this.metrics.reconcilerRedrives.inc({ what }, n);
        }
        jobs += n;
      }
      return events + jobs;
    } catch (error) {
      this.logger.error(`reconcile round failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
