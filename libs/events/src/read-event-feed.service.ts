import { Injectable } from '@nestjs/common';
import { EventName } from './event-catalogue';
import { decodeFeedCursor, encodeFeedCursor, FEED_START, FeedPosition, laterPosition } from './event-cursor';
import { FeedEvent, EventFeedRepository } from './event-feed.repository';

export const EVENT_FEED_LIMITS = { defaultLimit: 100, maxLimit: 1000 } as const;

export interface EventFeedPage {
  items: FeedEvent[];
  /** Where to resume: always set, also when nothing new has committed yet. */
  nextCursor: string;
}

/** GET /events: every event once, in one order, for integrations that poll. */
@Injectable()
export class ReadEventFeedService {
  constructor(private readonly feed: EventFeedRepository) {}

  async read(query: { after?: string; types?: readonly EventName[]; limit?: number }): Promise<EventFeedPage> {
    const after = query.after === undefined ? FEED_START : decodeFeedCursor(query.after);
    const limit = query.limit ?? EVENT_FEED_LIMITS.defaultLimit;
    const { events, horizon } = await this.feed.read(after, query.types?.length ? [...new Set(query.types)] : null, limit);
    const last = events.length ? events[events.length - 1].position : after;
    // A short page read everything below the horizon: the next read may start there, which
    // skips the filtered-out and not-yet-visible stretch without passing any running transaction.
    const next: FeedPosition = events.length < limit ? laterPosition(last, { txId: horizon, seq: '0' }) : last;
    return { items: events, nextCursor: encodeFeedCursor(next) };
  }

  /** Where a reader joining now starts: after every event already committed, before any still to come. */
  async head(): Promise<string> {
    return encodeFeedCursor({ txId: await this.feed.horizon(), seq: '0' });
  }
}
