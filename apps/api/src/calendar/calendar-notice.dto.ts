import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { CALENDAR_DAY_KINDS, CalendarDayKind, HolidayNoticeReading, NOTICE_MAX_LENGTH } from '@enterpark/calendar';
import { IsBoundedText } from '../http/validators';

/** The State Council's notice, pasted as published; without `apply` only a preview. */
export class ReadCalendarNoticeRequest {
  @ApiProperty({
    maxLength: NOTICE_MAX_LENGTH,
    description: '国务院办公厅关于YYYY年部分节假日安排的通知: title and numbered sections, full-width punctuation as published',
    example: '国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。',
  })
  @IsBoundedText(NOTICE_MAX_LENGTH)
  text: string;

  @ApiPropertyOptional({ default: false, description: "true: the notice's days become the year's calendar, as PUT /calendar/{year} does" })
  @IsOptional()
  @IsBoolean()
  apply?: boolean;
}

export class CalendarNoticeDayResponse {
  @ApiProperty({ example: '2026-02-15' }) day: string;
  @ApiProperty({ enum: CALENDAR_DAY_KINDS, description: 'holiday: every day of a holiday period, weekends included; workday: a make-up working day (上班)' })
  kind: CalendarDayKind;
  @ApiProperty({ example: '春节' }) name: string;
}

export class CalendarNoticeResponse {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ type: [CalendarNoticeDayResponse], description: 'in date order' }) days: CalendarNoticeDayResponse[];
  @ApiProperty({ description: "true: the days are now the year's calendar; false: a preview, nothing changed" }) applied: boolean;
}

export function toCalendarNoticeResponse(reading: HolidayNoticeReading): CalendarNoticeResponse {
  return { year: reading.year, days: reading.days.map(({ day, kind, name }) => ({ day, kind, name })), applied: reading.applied };
}
