import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { jobSpec } from '@enterpark/events';
import { DigestKey } from '../persistence/digest.repository';

const BULK = 1000;

/**
 * The digest row is the record: a job that used up its attempts (the database was down on
 * Monday morning) is dropped, so that the reconciler's re-add under the same id, or a
 * coordinator's re-run, is not swallowed by a failed job kept for a week.
 */
const COMPOSE_OPTS = { removeOnFail: true } as const;

/** BullMQ ids cannot contain ':'; one id per digest makes a second enqueue a no-op while the job exists. */
export function composeJobId(key: DigestKey): string {
  return `digest-${key.recipientId}-${key.week}`;
}

/** The 'digests' queue as the digest use cases see it. Call only after the planning transaction committed. */
@Injectable()
export class DigestJobs {
  constructor(@InjectQueue('digests') private readonly queue: Queue) {}

  async enqueueCompose(keys: readonly DigestKey[]): Promise<void> {
    for (let i = 0; i < keys.length; i += BULK) {
      const chunk = keys.slice(i, i + BULK);
      await this.queue.addBulk(chunk.map((key) => jobSpec('digest.compose', key, { jobId: composeJobId(key), ...COMPOSE_OPTS })));
    }
  }

  /**
   * Re-adds the compose jobs of stuck digests. A job that is gone is added again under its
   * own id. One still "active" since before `stuckBefore` belongs to a worker that died or
   * froze holding it; re-adding it under its id would be a no-op until BullMQ's lock and
   * stall checks give it back (up to 10 s, see apps/worker), so a job with an id of its own takes
   * over. Composition is idempotent: whichever runs second finds the digest composed.
   * Waiting and delayed jobs are on their way; failed jobs are not kept (COMPOSE_OPTS), so a
   * digest whose job gave up is re-added like a lost one.
   */
  async redrive(keys: readonly DigestKey[], stuckBefore: number): Promise<number> {
    const jobs = await Promise.all(keys.map(async (key) => ({ key, job: await this.queue.getJob(composeJobId(key)) })));
    const states = await Promise.all(jobs.map(({ job }) => (job ? job.getState() : Promise.resolve('unknown'))));
    const readd = jobs.flatMap(({ key, job }, i) => {
      if (states[i] === 'unknown') return [{ key, jobId: composeJobId(key) }];
      // Kept after completing, yet the digest is still planned: its id is taken, so use another.
      if (states[i] === 'completed') return [{ key, jobId: `${composeJobId(key)}-c${job!.finishedOn}` }];
      if (states[i] === 'active' && stalledSince(job, stuckBefore)) return [{ key, jobId: `${composeJobId(key)}-a${job!.processedOn}` }];
      return [];
    });
    if (readd.length > 0) {
      await this.queue.addBulk(readd.map(({ key, jobId }) => jobSpec('digest.compose', key, { jobId, ...COMPOSE_OPTS })));
    }
    return readd.length;
  }
}

function stalledSince(job: Job | undefined, stuckBefore: number): boolean {
  return job?.processedOn !== undefined && job.processedOn < stuckBefore;
}
