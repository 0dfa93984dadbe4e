import { Job, UnrecoverableError } from 'bullmq';
import { DomainError } from '@enterpark/common';
import { DomainEvent, EventName } from '@enterpark/events';
import { COMPLETION_EVENTS, CompletionService } from '@enterpark/summaries';
import { DrainingWorkerHost, QueueProcessor } from '../draining-worker-host';

/** Jobs of different lists run side by side; those of one list take turns on its row lock. */
const CONCURRENCY = 8;

/**
 * Consumes the end of each round and of each ticket: completion summaries and list
 * completion. Redeliveries are no-ops (the summary rows and the list status say so).
 */
@QueueProcessor('completion')
export class CompletionProcessor extends DrainingWorkerHost {
  static readonly handles: readonly EventName[] = COMPLETION_EVENTS;

  constructor(private readonly completion: CompletionService) {
    super();
  }

  protected concurrency(): number {
    return CONCURRENCY;
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
