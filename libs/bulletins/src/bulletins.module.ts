import { Module } from '@nestjs/common';
import { CalendarModule } from '@enterpark/calendar';
import { MailModule } from '@enterpark/mail';
import { ProblemsModule } from '@enterpark/problems';
import { StatisticsModule } from '@enterpark/statistics';
import { ComposeBulletinService } from './application/compose-bulletin.service';
import { IssueBulletinService } from './application/issue-bulletin.service';
import { BulletinProblemsRepository } from './persistence/bulletin-problems.repository';
import { BulletinRepository } from './persistence/bulletin.repository';

/** 一月一通报、一季一评比: monthly and quarterly bulletins, issued once, frozen, mailed with the .docx. */
@Module({
  imports: [StatisticsModule, CalendarModule, MailModule, ProblemsModule],
  providers: [ComposeBulletinService, IssueBulletinService, BulletinRepository, BulletinProblemsRepository],
  exports: [IssueBulletinService],
})
export class BulletinsModule {}
