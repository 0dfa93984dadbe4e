import { Injectable } from '@nestjs/common';
import { CalendarNoticeYearMismatchError } from '../calendar.errors';
import { CalendarDay, validatePublication } from '../domain/calendar-day';
import { readHolidayNotice } from '../domain/holiday-notice';

export interface HolidayNoticeReading {
  year: number;
  days: CalendarDay[];
  /** true: the days are now the year's calendar; false: a preview, nothing changed. */
  applied: boolean;
}

/** The yearly routine's first step: the State Council's notice for `year`, read into the days it publishes. */
@Injectable()
export class ReadHolidayNoticeService {
  read(year: number, text: string): CalendarDay[] {
    const notice = readHolidayNotice(text);
    if (notice.year !== year) throw new CalendarNoticeYearMismatchError(year, notice.year);
    // The publication's own rules on the preview too: a preview that passes applies.
    return validatePublication(year, notice.days);
  }
}
