import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { EventName } from './event-catalogue';
import { QueueName, queuesFor } from './queues';

/**
 * Tells a lost job from a late one. An event's job (id = event id) that still waits, is
 * delayed for a retry, or is active (a dead worker's job comes back through BullMQ's stall
 * check) is on its way: re-publishing it would only add load, exactly when a backlog already
 * slows the system. A job that is gone (Redis lost it) or finished without doing the work
 * (failed for good, e.g. stalled too often) is lost; a finished one is removed so that the
 * re-publish under the same id is not swallowed by it.
 */
export class QueuedJobs {
  constructor(private readonly queues: ReadonlyMap<QueueName, Queue>) {}

  /** Of `events`, the ids whose job is missing or finished in a queue that subscribes to them. */
  async lost(events: readonly { id: string; name: EventName }[]): Promise<string[]> {
    const verdicts = await Promise.all(events.map(async ({ id, name }) => {
      const states = await Promise.all(queuesFor(name).map((queue) => this.reclaim(this.queues.get(queue)!, id)));
      return states.some((lost) => lost) ? id : null;
    }));
    return verdicts.filter((id): id is string => id !== null);
  }

  /** Of `jobIds` in `queue` (jobs of its own, not events), those whose job is missing or finished. */
  async lostJobs(queue: QueueName, jobIds: readonly string[]): Promise<string[]> {
    const verdicts = await Promise.all(jobIds.map((id) => this.reclaim(this.queues.get(queue)!, id)));
    return jobIds.filter((_, i) => verdicts[i]);
  }

  private async reclaim(queue: Queue, jobId: string): Promise<boolean> {
    const state = await queue.getJobState(jobId);
    if (state === 'failed' || state === 'completed') await queue.remove(jobId);
    return state === 'unknown' || state === 'failed' || state === 'completed';
  }
}

/**
 * The reconciler's remedy for jobs lost from the queue (a Redis failover without persistence,
 * a job failed for good): marks the chosen events unpublished, so the relay delivers them
 * again. Only events published more than `stuckAfterMs` ago and whose job is lost
 * (QueuedJobs) qualify; consumers are idempotent, so a redelivery of work that was merely
 * slow does nothing.
 * `selectIds` is a SELECT of event ids; `$1` in it is `stuckAfterMs`, `$2` a row limit, `$3`
 * the application clock's `now`: columns the use cases stamp from the Clock are compared
 * with the Clock (published_at is the database's own time, compared with the database's).
 */
@Injectable()
export class EventRedrive {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: QueuedJobs,
  ) {}

  async execute(selectIds: string, stuckAfterMs: number, now: Date, limit = 1000): Promise<number> {
    const candidates: { id: string; name: EventName }[] = await this.dataSource.query(
      `SELECT id, name FROM event
        WHERE published_at < now() - make_interval(secs => $1::double precision / 1000)
          AND id IN (${selectIds})`,
      [stuckAfterMs, limit, now],
    );
    if (candidates.length === 0) return 0;
    const lost = await this.jobs.lost(candidates);
    if (lost.length === 0) return 0;
    // For an UPDATE, TypeORM answers [rows, affectedCount].
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE event SET published_at = NULL WHERE id = ANY ($1::uuid[]) AND published_at IS NOT NULL RETURNING id`,
      [lost],
    );
    return affected;
  }
}

/** SQL for "older than the stuck threshold" against a Clock-stamped column, for `selectIds`. */
export const STUCK_BEFORE = `$3::timestamptz - make_interval(secs => $1::double precision / 1000)`;

/** SQL for "within the last week" against a Clock-stamped column, for `selectIds`. */
export const LOOKBACK_WEEK = `$3::timestamptz - interval '7 days'`;
