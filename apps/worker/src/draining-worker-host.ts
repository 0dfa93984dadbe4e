import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Logger, OnModuleInit } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { checkHandlers, QueueHandlers, QueueName } from '@enterpark/events';
import { Metrics } from '@enterpark/metrics';

/**
 * How fast the jobs of a dead worker (SIGKILL, OOM, a lost machine) go to a live one. A job's
 * lock lives LOCK_DURATION_MS and is renewed every half of it while its worker lives; the
 * stall check runs every STALLED_INTERVAL_MS and hands back the active jobs whose lock ran
 * out, so a dead worker's jobs run again at most 8 + 2 = 10 s after it died (BullMQ's
 * defaults, 30 s + 30 s, gave up to a minute; test/faults/worker-kill measures it). Only an
 * event loop blocked for 4 s (half the lock) would make a live job look stalled, and then it
 * only runs twice: every consumer is idempotent. A job handed back more than MAX_STALLED_COUNT
 * times fails as poison; the reconciler re-drives the work from state, so it is delayed, never
 * dropped.
 */
export const LOCK_DURATION_MS = 8_000;
export const STALLED_INTERVAL_MS = 2_000;
export const MAX_STALLED_COUNT = 3;

/** `@Processor(queue)` with the crash-recovery options above: every worker processor is declared with it. */
export function QueueProcessor(queue: QueueName): ClassDecorator {
  return Processor(queue, { lockDuration: LOCK_DURATION_MS, stalledInterval: STALLED_INTERVAL_MS, maxStalledCount: MAX_STALLED_COUNT });
}

type AnyHandler = (data: unknown, job: Job, token?: string) => Promise<unknown>;

/**
 * A queue's processor: one handler per name its queue receives (typed by the event and job
 * catalogues, checked again at boot), its concurrency, its in-flight jobs finished on shutdown
 * while the database is still open (@nestjs/bullmq would close the worker only after the
 * pools), and its jobs timed for /metrics.
 */
export abstract class DrainingWorkerHost<Q extends QueueName> extends WorkerHost implements OnModuleInit, BeforeApplicationShutdown {
  // A property, not a constructor parameter: the processors keep their own constructors.
  @Inject(Metrics) private readonly metrics: Metrics;

  protected abstract readonly handlers: QueueHandlers<Q>;

  protected abstract concurrency(): number;

  async process(job: Job, token?: string): Promise<unknown> {
    const handlers = this.handlers as unknown as Record<string, AnyHandler>;
    const handler = Object.hasOwn(handlers, job.name) ? handlers[job.name] : undefined;
    if (!handler) throw new UnrecoverableError(`${this.worker.name} does not handle ${job.name}`);
    return handler(job.data, job, token);
  }

  onModuleInit(): void {
    checkHandlers(this.worker.name as QueueName, Object.keys(this.handlers));
    this.worker.concurrency = this.concurrency();
    // Lost connections and jobs whose keys vanished with Redis' data: BullMQ recovers from
    // them, and without a listener it would print each one with its stack outside the log.
    const logger = new Logger(`Worker(${this.worker.name})`);
    this.worker.on('error', (error) => logger.warn(error.message));
    const queue = this.worker.name;
    const observe = (job: Job | undefined, result: 'completed' | 'failed') => {
      if (job?.processedOn) this.metrics.jobDuration.observe({ queue, result }, Math.max(0, (job.finishedOn ?? Date.now()) - job.processedOn) / 1000);
    };
    this.worker.on('completed', (job) => observe(job, 'completed'));
    this.worker.on('failed', (job) => {
      this.metrics.jobFailures.inc({ queue });
      observe(job, 'failed');
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
