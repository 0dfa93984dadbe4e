import { WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, OnModuleInit } from '@nestjs/common';

/**
 * A processor with its concurrency, which finishes its in-flight jobs on shutdown while the
 * database is still open (@nestjs/bullmq would close the worker only after the pools).
 */
export abstract class DrainingWorkerHost extends WorkerHost implements OnModuleInit, BeforeApplicationShutdown {
  protected abstract concurrency(): number;

  onModuleInit(): void {
    this.worker.concurrency = this.concurrency();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
