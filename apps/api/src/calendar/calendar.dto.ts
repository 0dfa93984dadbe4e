import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { CALENDAR_DAY_KINDS, CALENDAR_LIMITS as L, CalendarDayKind, CalendarYearSource, CalendarYearView } from '@enterpark/calendar';
import { IsBoundedText, IsCalendarDay } from '../http/validators';

export class CalendarYearParams {
  @ApiProperty({ minimum: L.minYear, maximum: L.maxYear, example: 2026 })
  // Digits only: Number() would also take ' 2026', '0x7EA' or '2026.0'.
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(L.minYear)
  @Max(L.maxYear)
  year: number;
}

export class CalendarDayRequest {
  @ApiProperty({ example: '2027-02-08', description: 'a date of the year in the path' })
  @IsCalendarDay()
  day: string;

  @ApiProperty({ enum: CALENDAR_DAY_KINDS, description: 'holiday: no work that day; workday: a working day (调休 weekends)' })
  @IsIn(CALENDAR_DAY_KINDS)
  kind: CalendarDayKind;

  @ApiProperty({ example: '春节', maxLength: L.nameLength })
  @IsBoundedText(L.nameLength)
  name: string;
}

/** The year's complete list of special days: it replaces whatever was published before. */
export class PublishCalendarRequest {
  @ApiProperty({ type: [CalendarDayRequest], maxItems: L.maxDaysPerYear })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(L.maxDaysPerYear)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayRequest)
  days: CalendarDayRequest[];
}

export class CalendarSpecialDayResponse {
  @ApiProperty({ example: '2026-02-16' }) day: string;
  @ApiProperty({ example: '春节' }) name: string;
}

export class CalendarYearResponse {
  @ApiProperty() year: number;
  @ApiProperty({ description: 'false: deadlines reaching this year fail until a coordinator publishes it' }) known: boolean;
  @ApiProperty({ enum: ['package', 'published', 'package+overrides', 'missing'] }) source: CalendarYearSource;
  @ApiProperty({ type: [CalendarSpecialDayResponse], description: 'holidays on weekdays' }) holidays: CalendarSpecialDayResponse[];
  @ApiProperty({ type: [CalendarSpecialDayResponse], description: 'Saturdays and Sundays worked (调休)' }) workdays: CalendarSpecialDayResponse[];
}

export function toCalendarYearResponse(view: CalendarYearView): CalendarYearResponse {
  return { year: view.year, known: view.known, source: view.source, holidays: view.holidays, workdays: view.workdays };
}

export class CalendarYearStatusResponse {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty({ enum: ['official', 'published', 'missing'], description: 'official: the State Council calendar shipped with the service; published: entered by a coordinator' })
  source: 'official' | 'published' | 'missing';
  @ApiProperty({ required: false, description: 'missing years only: running SLA clocks waiting for this year' }) ticketsWaiting?: number;
}

export class CalendarStatusResponse {
  @ApiProperty({ example: '2026-12-04', description: 'today in Asia/Shanghai' }) today: string;
  @ApiProperty({ type: [CalendarYearStatusResponse], description: 'this year and the next' }) years: CalendarYearStatusResponse[];
  @ApiProperty({ description: 'true from 1 November while next year is missing' }) nextYearDue: boolean;
}
