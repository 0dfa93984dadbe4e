import { Module } from '@nestjs/common';
import { CalendarModule } from '@enterpark/calendar';
import { IdentityModule } from '@enterpark/identity';
import { MailModule } from '@enterpark/mail';
import { ProblemsModule } from '@enterpark/problems';
import { StatisticsModule } from '@enterpark/statistics';
import { TicketsModule } from '@enterpark/tickets';
import { ComposeDigestService } from './application/compose-digest.service';
import { DigestComposer } from './application/digest-composer.service';
import { DigestJobs } from './application/digest-jobs';
import { DigestRunService } from './application/digest-run.service';
import { RedriveStuckDigestsService } from './application/redrive-stuck-digests.service';
import { DigestBoardRepository } from './persistence/digest-content-board.repository';
import { DigestTicketLines } from './persistence/digest-content-lines';
import { ZoneDigestRepository } from './persistence/digest-content-zone.repository';
import { DigestRepository } from './persistence/digest.repository';
import { DigestTemplates } from './templates/digest-templates';

/** The weekly digests: planning a week, composing each person's digest, handing it to the mail outbox. */
@Module({
  imports: [TicketsModule, CalendarModule, IdentityModule, MailModule, ProblemsModule, StatisticsModule],
  providers: [DigestRepository, DigestJobs, DigestRunService, RedriveStuckDigestsService, ComposeDigestService, DigestTicketLines, ZoneDigestRepository, DigestBoardRepository, DigestTemplates, DigestComposer],
  exports: [DigestRunService, RedriveStuckDigestsService, ComposeDigestService, DigestComposer],
})
export class DigestsModule {}
