import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarService } from './application/calendar.service';
import { ReadHolidayNoticeService } from './application/read-holiday-notice.service';
import { CalendarDayEntity } from './persistence/calendar-day.entity';
import { CalendarYearEntity } from './persistence/calendar-year.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CalendarYearEntity, CalendarDayEntity])],
  providers: [CalendarService, ReadHolidayNoticeService],
  exports: [CalendarService, ReadHolidayNoticeService],
})
export class CalendarModule {}
