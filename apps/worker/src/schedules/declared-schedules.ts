import { Injectable, Logger } from '@nestjs/common';
import { JobSchedulerTemplateOptions, Queue, RepeatOptions } from 'bullmq';

/** A job scheduler kept under one fixed id: what `Queue.upsertJobScheduler` takes. */
export interface DeclaredSchedule {
  queue: Queue;
  id: string;
  repeat: Omit<RepeatOptions, 'key'>;
  template: { name: string; opts?: JobSchedulerTemplateOptions };
}

/**
 * The job schedulers this worker keeps (timers.sweep, webhooks.dispatch, digests.weekly, bulletins.daily).
 * They live only in the queue backend, so a Redis that loses its data (FLUSHALL, a restart
 * without persistence, a failover to an empty replica) loses them. Each processor declares
 * its schedule here once; this registry declares it again whenever it is missing: when the
 * queue's connection becomes ready again (Redis came back, perhaps empty) and on every
 * reconciler pass (data lost under a live connection). An upsert under the same id is
 * idempotent, so any number of replicas doing it keep one schedule, and a loss delays a
 * timer by at most one reconciler interval.
 */
@Injectable()
export class DeclaredSchedules {
  private readonly logger = new Logger('Schedules');
  private readonly schedules: DeclaredSchedule[] = [];
  private readonly watched = new Set<Queue>();

  async declare(schedule: DeclaredSchedule): Promise<void> {
    this.schedules.push(schedule);
    this.watch(schedule.queue);
    await upsert(schedule);
  }

  /** Declares again the schedules (of `queue`, or all) that the backend no longer has; answers their ids. */
  async restoreMissing(queue?: Queue): Promise<string[]> {
    const restored: string[] = [];
    for (const schedule of this.schedules) {
      if (queue && schedule.queue !== queue) continue;
      if (await schedule.queue.getJobScheduler(schedule.id)) continue;
      await upsert(schedule);
      restored.push(schedule.id);
    }
    if (restored.length > 0) this.logger.warn(`job scheduler(s) missing from the queue backend, declared again: ${restored.join(', ')}`);
    return restored;
  }

  /** Every (re)connection of the queue's client: the first one at boot finds the schedule just declared. */
  private watch(queue: Queue): void {
    if (this.watched.has(queue)) return;
    this.watched.add(queue);
    queue.getBackend().on('ready', () => {
      this.restoreMissing(queue).catch((error: Error) => this.logger.warn(`re-declaring job schedulers after a reconnect failed (${error.message}); the reconciler retries`));
    });
  }
}

function upsert({ queue, id, repeat, template }: DeclaredSchedule): Promise<unknown> {
  return queue.upsertJobScheduler(id, repeat, template);
}
