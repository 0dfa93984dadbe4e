import { WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Logger, OnModuleInit } from '@nestjs/common';
import { settlesWithin } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';

/**
 * A processor with its concurrency, which finishes its in-flight jobs on shutdown while the
 * database is still open (@nestjs/bullmq would close the worker only after the pools).
 */
export abstract class DrainingWorkerHost extends WorkerHost implements OnModuleInit, BeforeApplicationShutdown {
  // A property, so that subclasses keep their own constructors.
  @Inject(AppConfig) private readonly drainConfig!: AppConfig;

  protected abstract concurrency(): number;

  onModuleInit(): void {
    this.worker.concurrency = this.concurrency();
  }

  /**
   * Bounded: a job waiting on a PostgreSQL or Redis that is gone would hold the shutdown
   * forever. Left behind, its lock runs out and another worker takes the job again.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (!(await settlesWithin(this.worker.close(), this.drainConfig.drainTimeoutMs))) {
      new Logger(this.constructor.name).warn(
        `${this.worker.name} worker not closed after ${this.drainConfig.drainTimeoutMs} ms (jobs still running, or Redis unreachable); its jobs run again once their locks expire`,
      );
    }
  }
}
