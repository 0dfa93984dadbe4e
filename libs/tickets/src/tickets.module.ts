import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '@enterpark/calendar';
import { EventFeedModule } from '@enterpark/events';
import { CalendarStatusService } from './application/calendar-status.service';
import { PublishCalendarService } from './application/publish-calendar.service';
import { ManageSlaTargetsService } from './application/manage-sla-targets.service';
import { ReadTicketsService } from './application/read-tickets.service';
import { SlaScheduler } from './application/sla-scheduler.service';
import { SlaSweepService } from './application/sla-sweep.service';
import { TicketActionsService } from './application/ticket-actions.service';
import { TicketEventStream } from './application/ticket-event-stream.service';
import { TicketWriter } from './application/ticket-writer.service';
import { SlaTargetEntity } from './persistence/sla-target.entity';
import { StaffWorkloadRepository } from './persistence/staff-workload.repository';
import { TicketActivityEntity } from './persistence/ticket-activity.entity';
import { TicketEntity } from './persistence/ticket.entity';
import { TicketRepository } from './persistence/ticket.repository';

@Module({
  imports: [TypeOrmModule.forFeature([TicketEntity, TicketActivityEntity, SlaTargetEntity]), CalendarModule, EventFeedModule],
  providers: [TicketRepository, StaffWorkloadRepository, ReadTicketsService, SlaScheduler, SlaSweepService, TicketWriter, TicketActionsService, ManageSlaTargetsService, CalendarStatusService, PublishCalendarService, TicketEventStream],
  exports: [TicketRepository, StaffWorkloadRepository, ReadTicketsService, SlaScheduler, SlaSweepService, TicketWriter, TicketActionsService, ManageSlaTargetsService, CalendarStatusService, PublishCalendarService, TicketEventStream],
})
export class TicketsModule {}
