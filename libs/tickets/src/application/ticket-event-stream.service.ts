import { Injectable } from '@nestjs/common';
import { isServiceType, ServiceType } from '@enterpark/common';
import { FeedEvent, ReadEventFeedService } from '@enterpark/events';
import { LiveTicketEvent, TICKET_EVENT_NAMES } from '../domain/live-ticket-event';
import { TicketRepository } from '../persistence/ticket.repository';

/**
 * Ticket events for live queues, tailed from the event log in the feed's order (a late commit
 * never lands behind the cursor), each with the zone and desks that may see it: one read of
 * the log and one lookup of the tickets' desks per batch, whoever listens.
 */
@Injectable()
export class TicketEventStream {
  constructor(
    private readonly feed: ReadEventFeedService,
    private readonly tickets: TicketRepository,
  ) {}

  /** Where a stream starting now begins: nothing already committed is replayed. */
  head(): Promise<string> {
    return this.feed.head();
  }

  /** Up to `limit` ticket events after `cursor`; `more` when the batch was full. */
  async next(cursor: string, limit: number): Promise<{ events: LiveTicketEvent[]; cursor: string; more: boolean }> {
    const page = await this.feed.read({ after: cursor, types: TICKET_EVENT_NAMES, limit });
    const reach = await this.tickets.reachOf([...new Set(page.items.map((e) => e.aggregateId))]);
    const events = page.items.flatMap((e) => {
      const ticket = reach.get(e.aggregateId);
      if (!ticket) return [];
      return [{ type: e.name, ticketId: e.aggregateId, at: e.occurredAt, zoneId: ticket.zoneId, desks: desksOf(e, ticket.desk) }];
    });
    return { events, cursor: page.nextCursor, more: page.items.length === limit };
  }
}

function desksOf(event: FeedEvent, now: ServiceType | null): ServiceType[] {
  const left = event.name === 'ticket.rerouted' ? (event.payload as { fromType?: unknown }).fromType : null;
  return [...new Set([now, isServiceType(left) ? left : null].filter((d): d is ServiceType => d !== null))];
}
