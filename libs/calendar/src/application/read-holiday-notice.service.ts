import { Injectable } from '@nestjs/common';
import { CalendarNoticeYearMismatchError } from '../calendar.errors';
import { CalendarDay, validatePublication } from '../domain/calendar-day';
import { readHolidayNotice } from '../domain/holiday-notice';
import { CalendarService } from './calendar.service';

export interface HolidayNoticeReading {
  year: number;
  days: CalendarDay[];
  /** true: the days are now the year's calendar; false: a preview, nothing changed. */
  applied: boolean;
}

/** The yearly routine: a coordinator pastes the State Council's notice, previews it, then applies it. */
@Injectable()
export class ReadHolidayNoticeService {
  constructor(private readonly calendar: CalendarService) {}

  async read(year: number, text: string, apply: boolean, actorId: string): Promise<HolidayNoticeReading> {
    const notice = readHolidayNotice(text);
    if (notice.year !== year) throw new CalendarNoticeYearMismatchError(year, notice.year);
    // The publication's own rules on the preview too: a preview that passes applies.
    const days = validatePublication(year, notice.days);
    if (apply) await this.calendar.publishYear(year, days, actorId);
    return { year, days, applied: apply };
  }
}
