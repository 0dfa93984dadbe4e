import { QueueHandlers } from '@enterpark/events';
import { ProposeMatchService, ReleaseMatchService } from '@enterpark/matching';
import { DrainingWorkerHost, QueueProcessor } from '../draining-worker-host';

/** Jobs in flight per worker process: each is one short transaction on one ticket. */
const CONCURRENCY = 50;

/**
 * Consumes the matching queue. After an acceptance, a decline or an expiry: propose the
 * next candidate (or escalate). When a ticket is cancelled or closed: free its provider.
 * Every handler re-reads the ticket under its lock, so redeliveries and duplicates are no-ops.
 */
@QueueProcessor('matching')
export class MatchingProcessor extends DrainingWorkerHost<'matching'> {
  protected readonly handlers: QueueHandlers<'matching'> = {
    'ticket.accepted': (event) => this.propose.propose(event.payload.ticketId),
    'ticket.match_declined': (event) => this.propose.propose(event.payload.ticketId),
    'ticket.match_expired': (event) => this.propose.propose(event.payload.ticketId),
    'ticket.cancelled': (event) => this.release.onCancelled(event.payload.ticketId),
    'ticket.confirmed': (event) => this.release.onConfirmed(event.payload.ticketId),
  };

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
