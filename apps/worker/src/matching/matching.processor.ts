import { QueueHandlers } from '@enterpark/events';
import { ProposeMatchService, ReleaseMatchService } from '@enterpark/matching';
import { MicroBatcher } from '../micro-batcher';
import { DrainingWorkerHost, QueueProcessor } from '../draining-worker-host';

/** Jobs in flight per worker process: proposals among them share a transaction (below). */
const CONCURRENCY = 50;
const PROPOSE_BATCH_SIZE = 50;
const PROPOSE_BATCH_WAIT_MS = 2;

/**
 * Consumes the matching queue. After an acceptance, a decline or an expiry: propose the
 * next candidate (or escalate); jobs that arrive together are proposed in one transaction
 * (MicroBatcher). When a ticket is cancelled or closed: free its provider. Every handler
 * re-reads the ticket under its lock, so redeliveries and duplicates are no-ops.
 */
@QueueProcessor('matching')
export class MatchingProcessor extends DrainingWorkerHost<'matching'> {
  protected readonly handlers: QueueHandlers<'matching'> = {
    'ticket.accepted': (event) => this.proposals.add(event.payload.ticketId),
    'ticket.match_declined': (event) => this.proposals.add(event.payload.ticketId),
    'ticket.match_expired': (event) => this.proposals.add(event.payload.ticketId),
    'ticket.cancelled': (event) => this.release.onCancelled(event.payload.ticketId),
    'ticket.confirmed': (event) => this.release.onConfirmed(event.payload.ticketId),
  };

  private readonly proposals = new MicroBatcher<string>(
    async (ticketIds) => {
      await this.propose.proposeMany(ticketIds);
    },
    PROPOSE_BATCH_SIZE,
    PROPOSE_BATCH_WAIT_MS,
  );

  constructor(
    private readonly propose: ProposeMatchService,
    private readonly release: ReleaseMatchService,
  ) {
    super();
  }

  protected concurrency(): number {
    return CONCURRENCY;
  }

}
