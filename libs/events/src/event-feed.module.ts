import { Module } from '@nestjs/common';
import { EventFeedRepository } from './event-feed.repository';
import { ReadEventFeedService } from './read-event-feed.service';

/** The public event feed: the event log in commit-safe order (GET /events, webhooks, live streams). */
@Module({
  providers: [EventFeedRepository, ReadEventFeedService],
  exports: [ReadEventFeedService],
})
export class EventFeedModule {}
