import { Module } from '@nestjs/common';
import { CalendarModule } from '@enterpark/calendar';
import { DemandModule } from '@enterpark/demand';
import { TicketsModule } from '@enterpark/tickets';
import { CompletionService } from './application/completion.service';
import { ReadSummariesService } from './application/read-summaries.service';
import { RedriveStuckCompletionService } from './application/redrive-stuck-completion.service';
import { TicketSummaryFactory } from './application/ticket-summary.factory';
import { CompletionRepository } from './persistence/completion.repository';
import { SummaryRepository } from './persistence/summary.repository';

/** Completion summaries: written by the completion worker when a ticket or list finishes, read by the API. */
@Module({
  imports: [TicketsModule, DemandModule, CalendarModule],
  providers: [CompletionRepository, SummaryRepository, TicketSummaryFactory, CompletionService, ReadSummariesService, RedriveStuckCompletionService],
  exports: [CompletionService, ReadSummariesService, RedriveStuckCompletionService],
})
export class SummariesModule {}
