import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { DomainEvent, EventName } from '@enterpark/events';
import { ProposeMatchService, ReleaseMatchService } from '@enterpark/matching';

/** Jobs in flight per worker process: each is one short transaction on one ticket. */
const CONCURRENCY = 50;

/**
 * Consumes the matching queue. After an acceptance, a decline or an expiry: propose the
 * next candidate (or escalate). When a ticket is cancelled or closed: free its provider.
 * Every handler re-reads the ticket under its lock, so redeliveries and duplicates are no-ops.
 */
@Processor('matching')
export class MatchingProcessor extends WorkerHost implements OnModuleInit, BeforeApplicationShutdown {
  static readonly handles: readonly EventName[] = ['ticket.accepted', 'ticket.match_declined', 'ticket.match_expired', 'ticket.cancelled', 'ticket.confirmed'];

  constructor(
    private readonly propose: ProposeMatchService,
    private readonly release: ReleaseMatchService,
  ) {
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
