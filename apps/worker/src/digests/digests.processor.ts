import { InjectQueue } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { Clock, DomainError, isUuid, lastFinishedWeek } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { EventName } from '@enterpark/events';
import { ComposeDigestService, DIGEST_COMPOSE_JOB, DIGEST_RUN_JOB, DigestComposeJobData, DigestRunService } from '@enterpark/digests';
import { DrainingWorkerHost, QueueProcessor } from '../draining-worker-host';
import { DeclaredSchedules } from '../schedules/declared-schedules';

export const DIGESTS_SCHEDULER_ID = 'digests.weekly';

/** Composition interleaves database reads and writes with rendering: 12 at a time kept one worker busiest in bench/digest (4 gave 10 % less). */
const CONCURRENCY = 12;

const TRIGGER_OPTS = { removeOnComplete: true, removeOnFail: { count: 100 }, attempts: 3, backoff: { type: 'exponential', delay: 5_000 } };

/**
 * The weekly digests. A cron job scheduler (DIGEST_CRON in DIGEST_TZ) is declared under one
 * fixed id, so any number of worker replicas keep exactly one (declared again whenever Redis
 * lost it); its job only triggers the run, which reads from the database what is due. Each
 * boot triggers one run too, so a week whose Monday passed while no worker ran is not left
 * until the next Monday.
 */
@QueueProcessor('digests')
export class DigestsProcessor extends DrainingWorkerHost implements OnApplicationBootstrap {
  static readonly handles: readonly EventName[] = [];

  constructor(
    @InjectQueue('digests') private readonly queue: Queue,
    private readonly runs: DigestRunService,
    private readonly compose: ComposeDigestService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly schedules: DeclaredSchedules,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.declare({
      queue: this.queue,
      id: DIGESTS_SCHEDULER_ID,
      repeat: { pattern: this.config.digestCron, tz: this.config.digestTz },
      template: { name: DIGEST_RUN_JOB, opts: TRIGGER_OPTS },
    });
    // Replicas booting together share this job while it is queued; a later one is a cheap no-op run.
    await this.queue.add(DIGEST_RUN_JOB, {}, { ...TRIGGER_OPTS, jobId: `digests-boot-${lastFinishedWeek(this.clock.now()).id}` });
  }

  protected concurrency(): number {
    return CONCURRENCY;
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === DIGEST_RUN_JOB) return this.runs.runDue(this.clock.now());
    if (job.name !== DIGEST_COMPOSE_JOB) throw new UnrecoverableError(`digests does not handle ${job.name}`);
    const data = job.data as DigestComposeJobData;
    if (!isUuid(data?.recipientId) || typeof data.week !== 'string') throw new UnrecoverableError(`malformed ${job.name} job ${job.id}`);
    try {
      return await this.compose.execute({ recipientId: data.recipientId, week: data.week });
    } catch (error) {
      // A malformed week will not become valid on retry.
      if (error instanceof DomainError) throw new UnrecoverableError(`${error.code}: ${error.message}`);
      throw error;
    }
  }
}
