import { InjectQueue } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Queue, UnrecoverableError } from 'bullmq';
import { Clock, DomainError, isUuid, lastFinishedWeek } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { ComposeDigestService, ComposeOutcome, DigestKey, DigestRunService } from '@enterpark/digests';
import { JobPayloads, QueueHandlers } from '@enterpark/events';
import { DrainingWorkerHost, QueueProcessor } from '../draining-worker-host';
import { MicroBatcher } from '../micro-batcher';
import { DeclaredSchedules } from '../schedules/declared-schedules';

export const DIGESTS_SCHEDULER_ID = 'digests.weekly';

/**
 * Compose jobs that arrive together are composed as one batch (one read of the digests and
 * their recipients, one storing transaction, one dispatch): per digest, round trips rather
 * than rendering were the cost. Two batches in flight keep the worker busy while one waits
 * on the database.
 */
const BATCH_SIZE = 50;
const BATCH_WAIT_MS = 5;
const CONCURRENCY = 2 * BATCH_SIZE;

const TRIGGER_OPTS = { removeOnComplete: true, removeOnFail: { count: 100 }, attempts: 3, backoff: { type: 'exponential', delay: 5_000 } };

/**
 * The weekly digests. A cron job scheduler (DIGEST_CRON in DIGEST_TZ) is declared under one
 * fixed id, so any number of worker replicas keep exactly one (declared again whenever Redis
 * lost it); its job only triggers the run, which reads from the database what is due. Each
 * boot triggers one run too, so a week whose Monday passed while no worker ran is not left
 * until the next Monday.
 */
@QueueProcessor('digests')
export class DigestsProcessor extends DrainingWorkerHost<'digests'> implements OnApplicationBootstrap {
  protected readonly handlers: QueueHandlers<'digests'> = {
    'digests.run': () => this.runs.runDue(this.clock.now()),
    'digest.compose': (data) => this.composeOne(data),
  };

  private readonly batcher = new MicroBatcher<DigestKey, ComposeOutcome>((keys) => this.compose.executeBatch(keys), BATCH_SIZE, BATCH_WAIT_MS);

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
      template: { name: 'digests.run', opts: TRIGGER_OPTS },
    });
    // Replicas booting together share this job while it is queued; a later one is a cheap no-op run.
    await this.queue.add('digests.run', {}, { ...TRIGGER_OPTS, jobId: `digests-boot-${lastFinishedWeek(this.clock.now()).id}` });
  }

  protected concurrency(): number {
    return CONCURRENCY;
  }

  private async composeOne(data: JobPayloads['digest.compose']): Promise<unknown> {
    if (!isUuid(data?.recipientId) || typeof data.week !== 'string') throw new UnrecoverableError('malformed digest.compose job');
    try {
      return await this.batcher.add({ recipientId: data.recipientId, week: data.week });
    } catch (error) {
      // A malformed week will not become valid on retry.
      if (error instanceof DomainError) throw new UnrecoverableError(`${error.code}: ${error.message}`);
      throw error;
    }
  }
}
