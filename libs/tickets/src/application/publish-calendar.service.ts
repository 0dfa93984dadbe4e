import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { CalendarDay, CalendarService, CalendarYearView, HolidayNoticeReading, ReadHolidayNoticeService } from '@enterpark/calendar';
import { newId } from '@enterpark/common';
import { jobSpec } from '@enterpark/events';

/**
 * A coordinator publishes a year's working days (typed, or read from the State Council's
 * notice). Clocks that waited for that year get their deadlines from the SLA sweep, which
 * is woken at once rather than at its next interval.
 */
@Injectable()
export class PublishCalendarService {
  private readonly logger = new Logger('Calendar');

  constructor(
    private readonly calendar: CalendarService,
    private readonly notices: ReadHolidayNoticeService,
    @InjectQueue('timers') private readonly timers: Queue,
  ) {}

  /** The State Council's notice as pasted: a preview of its days, published when `apply`. */
  async publishNotice(year: number, text: string, apply: boolean, actorId: string): Promise<HolidayNoticeReading> {
    const days = this.notices.read(year, text);
    if (apply) await this.publish(year, days, actorId);
    return { year, days, applied: apply };
  }

  async publish(year: number, days: readonly CalendarDay[], actorId: string): Promise<CalendarYearView> {
    const view = await this.calendar.publishYear(year, days, actorId);
    await this.wakeSweep(year);
    return view;
  }

  /** After the commit; if the queue is away the scheduled sweep still comes within TIMER_SWEEP_MS. */
  private async wakeSweep(year: number): Promise<void> {
    try {
      const { name, data } = jobSpec('timers.sweep', {});
      await this.timers.add(name, data, { jobId: `calendar-${year}-${newId()}`, attempts: 3, removeOnComplete: true, removeOnFail: true });
    } catch (error) {
      this.logger.warn(`calendar ${year} published; waking the SLA sweep failed (${(error as Error).message}), the scheduled sweep will pick it up`);
    }
  }
}
