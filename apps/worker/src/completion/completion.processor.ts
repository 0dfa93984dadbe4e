import { UnrecoverableError } from 'bullmq';
import { DomainError } from '@enterpark/common';
import { DomainEvent, oneHandlerFor } from '@enterpark/events';
import { COMPLETION_EVENTS, CompletionService } from '@enterpark/summaries';
import { DrainingWorkerHost, QueueProcessor } from '../draining-worker-host';

/** Jobs of different lists run side by side; those of one list take turns on its row lock. */
const CONCURRENCY = 8;

/**
 * Consumes the end of each round and of each ticket: completion summaries and list
 * completion. Redeliveries are no-ops (the summary rows and the list status say so).
 */
@QueueProcessor('completion')
export class CompletionProcessor extends DrainingWorkerHost<'completion'> {
  protected readonly handlers = oneHandlerFor(COMPLETION_EVENTS, (event) => this.complete(event));

  constructor(private readonly completion: CompletionService) {
    super();
  }

  protected concurrency(): number {
    return CONCURRENCY;
  }

  private async complete(event: DomainEvent): Promise<void> {
    try {
      await this.completion.handle(event);
    } catch (error) {
      // A domain refusal (the ticket does not exist) will not change on retry.
      if (error instanceof DomainError) throw new UnrecoverableError(`${error.code}: ${error.message}`);
      throw error;
    }
  }
}
