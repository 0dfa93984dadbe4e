import { Job, UnrecoverableError } from 'bullmq';
import { DomainEvent, EventName } from '@enterpark/events';
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
export class MatchingProcessor extends DrainingWorkerHost {
  static readonly handles: readonly EventName[] = ['ticket.accepted', 'ticket.match_declined', 'ticket.match_expired', 'ticket.cancelled', 'ticket.confirmed'];

  constructor(
    private readonly propose: ProposeMatchService,
    private readonly release: ReleaseMatchService,
  ) {
    super();
  }

  protected concurrency(): number {
    return CONCURRENCY;
  }

  async process(job: Job<DomainEvent>): Promise<void> {
    const event = job.data;
    const ticketId = (event.payload as { ticketId: string }).ticketId;
    switch (event.name) {
      case 'ticket.accepted':
      case 'ticket.match_declined':
      case 'ticket.match_expired':
        await this.propose.propose(ticketId);
        return;
      case 'ticket.cancelled':
        await this.release.onCancelled(ticketId);
        return;
      case 'ticket.confirmed':
        await this.release.onConfirmed(ticketId);
        return;
      default:
        throw new UnrecoverableError(`matching does not handle ${event.name}`);
    }
  }
}
