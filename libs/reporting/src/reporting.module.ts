import { Module } from '@nestjs/common';
import { CalendarModule } from '@enterpark/calendar';
import { DemandModule } from '@enterpark/demand';
import { IdentityModule } from '@enterpark/identity';
import { MailModule } from '@enterpark/mail';
import { TicketsModule } from '@enterpark/tickets';
import { CompletionService } from './application/completion.service';
import { ComposeDigestService } from './application/compose-digest.service';
import { DigestComposer } from './application/digest-composer.service';
import { DigestJobs } from './application/digest-jobs';
import { DigestRunService } from './application/digest-run.service';
import { ReadDashboardService } from './application/read-dashboard.service';
import { ReadEventFeedService } from './application/read-event-feed.service';
import { ReadSummariesService } from './application/read-summaries.service';
import { RedriveStuckCompletionService } from './application/redrive-stuck-completion.service';
import { RedriveStuckDigestsService } from './application/redrive-stuck-digests.service';
import { TicketEventStream } from './application/ticket-event-stream.service';
import { TicketSummaryFactory } from './application/ticket-summary.factory';
import { CompletionRepository } from './persistence/completion.repository';
import { DashboardRepository } from './persistence/dashboard.repository';
import { DigestBoardRepository } from './persistence/digest-content-board.repository';
import { DigestTicketLines } from './persistence/digest-content-lines';
import { ZoneDigestRepository } from './persistence/digest-content-zone.repository';
import { DigestRepository } from './persistence/digest.repository';
import { EventFeedRepository } from './persistence/event-feed.repository';
import { SummaryRepository } from './persistence/summary.repository';
import { DigestTemplates } from './templates/digest-templates';

/** Completion summaries (written by the completion worker, read by the API) and the event feed. */
@Module({
  imports: [TicketsModule, DemandModule, CalendarModule, IdentityModule, MailModule],
  providers: [CompletionRepository, SummaryRepository, EventFeedRepository, TicketSummaryFactory, CompletionService, ReadSummariesService, ReadEventFeedService, RedriveStuckCompletionService, DigestRepository, DigestJobs, DigestRunService, RedriveStuckDigestsService, ComposeDigestService, DigestTicketLines, ZoneDigestRepository, DigestBoardRepository, DigestTemplates, DigestComposer, DashboardRepository, ReadDashboardService, TicketEventStream],
  exports: [ReadDashboardService, TicketEventStream, CompletionService, ReadSummariesService, ReadEventFeedService, RedriveStuckCompletionService, DigestRunService, RedriveStuckDigestsService, ComposeDigestService, DigestComposer],
})
export class ReportingModule {}
