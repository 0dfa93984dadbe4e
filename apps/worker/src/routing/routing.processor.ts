import { Job, UnrecoverableError } from 'bullmq';
import { AppConfig } from '@enterpark/config';
import { DomainEvent, EventName } from '@enterpark/events';
import { RouteTicketsService } from '@enterpark/routing';
import { MicroBatcher } from './micro-batcher';
import { DrainingWorkerHost, QueueProcessor } from '../draining-worker-host';

const BATCH_SIZE = 200;
const BATCH_WAIT_MS = 2;

/** Consumes `ticket.submitted`: routes the ticket to its desk. Redeliveries are no-ops (routing is idempotent). */
@QueueProcessor('routing')
export class RoutingProcessor extends DrainingWorkerHost {
  static readonly handles: readonly EventName[] = ['ticket.submitted'];

  private readonly batcher = new MicroBatcher<string>(
    async (ids) => {
      await this.routeTickets.route(ids);
    },
    BATCH_SIZE,
    BATCH_WAIT_MS,
  );

  constructor(
    private readonly routeTickets: RouteTicketsService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  protected concurrency(): number {
    return this.config.routingConcurrency;
  }

  async process(job: Job<DomainEvent>): Promise<void> {
    const event = job.data;
    if (event.name !== 'ticket.submitted') throw new UnrecoverableError(`routing does not handle ${job.name}`);
    await this.batcher.add((event as DomainEvent<'ticket.submitted'>).payload.ticketId);
  }
}
