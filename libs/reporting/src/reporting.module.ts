import { Module } from '@nestjs/common';
import { CalendarModule } from '@enterpark/calendar';
import { DemandModule } from '@enterpark/demand';
import { TicketsModule } from '@enterpark/tickets';
import { CompletionService } from './application/completion.service';
import { ReadEventFeedService } from './application/read-event-feed.service';
import { ReadSummariesService } from './application/read-summaries.service';
import { RedriveStuckCompletionService } from './application/redrive-stuck-completion.service';
import { TicketSummaryFactory } from './application/ticket-summary.factory';
import { CompletionRepository } from './persistence/completion.repository';
import { EventFeedRepository } from './persistence/event-feed.repository';
import { SummaryRepository } from './persistence/summary.repository';

/** Completion summaries (written by the completion worker, read by the API) and the event feed. */
@Module({
  imports: [TicketsModule, DemandModule, CalendarModule],
  providers: [CompletionRepository, SummaryRepository, EventFeedRepository, TicketSummaryFactory, CompletionService, ReadSummariesService, ReadEventFeedService, RedriveStuckCompletionService],
  exports: [CompletionService, ReadSummariesService, ReadEventFeedService, RedriveStuckCompletionService],
})
export class ReportingModule {}
