import { AppConfig } from '@enterpark/config';
import { QueueHandlers } from '@enterpark/events';
import { RouteTicketsService } from '@enterpark/routing';
import { MicroBatcher } from '../micro-batcher';
import { DrainingWorkerHost, QueueProcessor } from '../draining-worker-host';

const BATCH_SIZE = 200;
const BATCH_WAIT_MS = 2;

/**
 * Routes each ticket to its desk: a filed list's tickets arrive as one job, a rerouted
 * ticket as its own. Jobs that arrive together share a transaction (MicroBatcher).
 * Redeliveries are no-ops (routing is idempotent).
 */
@QueueProcessor('routing')
export class RoutingProcessor extends DrainingWorkerHost<'routing'> {
  protected readonly handlers: QueueHandlers<'routing'> = {
    'demand_list.filed': (event) => Promise.all(event.payload.ticketIds.map((id) => this.batcher.add(id))),
    'ticket.rerouted': (event) => this.batcher.add(event.payload.ticketId),
  };

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

}
