import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { DomainError } from '@enterpark/common';
import { DomainEvent, EventName } from '@enterpark/events';
import { COMPLETION_EVENTS, CompletionService } from '@enterpark/reporting';

/** Jobs of different lists run side by side; those of one list take turns on its row lock. */
const CONCURRENCY = 8;

/**
 * Consumes the end of each round and of each ticket: completion summaries and list
 * completion. Redeliveries are no-ops (the summary rows and the list status say so).
 */
@Processor('completion')
export class CompletionProcessor extends WorkerHost implements OnModuleInit, BeforeApplicationShutdown {
  static readonly handles: readonly EventName[] = COMPLETION_EVENTS;

  constructor(private readonly completion: CompletionService) {
    super();
  }

  onModuleInit(): void {
    this.worker.concurrency = CONCURRENCY;
  }

  /** Drain in-flight jobs while the database is still open (pools close in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  async process(job: Job<DomainEvent>): Promise<void> {
    const event = job.data;
    if (!CompletionProcessor.handles.includes(event.name)) throw new UnrecoverableError(`completion does not handle ${job.name}`);
    try {
      await this.completion.handle(event);
    } catch (error) {
      // A domain refusal (the ticket does not exist) will not change on retry.
      if (error instanceof DomainError) throw new UnrecoverableError(`${error.code}: ${error.message}`);
      throw error;
    }
  }
}
