import { WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, OnModuleInit } from '@nestjs/common';
import { Job } from 'bullmq';
import { Metrics } from '@enterpark/metrics';

/**
 * A processor with its concurrency, which finishes its in-flight jobs on shutdown while the
 * database is still open (@nestjs/bullmq would close the worker only after the pools), and
 * times its jobs for /metrics.
 */
export abstract class DrainingWorkerHost extends WorkerHost implements OnModuleInit, BeforeApplicationShutdown {
  // A property, not a constructor parameter: the processors keep their own constructors.
  @Inject(Metrics) private readonly metrics: Metrics;

  protected abstract concurrency(): number;

  onModuleInit(): void {
    this.worker.concurrency = this.concurrency();
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
