import { Injectable } from '@nestjs/common';
import { CalendarService, CalendarYearMissingError } from '@enterpark/calendar';
import { AppConfig } from '@enterpark/config';

/**
 * How long a provider has to answer a proposal: PROPOSAL_WINDOW_WORKING_DAYS working days
 * of the official calendar. A deadline in a year the calendar does not know is not guessed:
 * it stays null, and the expiry sweep schedules it once the year is published.
 */
@Injectable()
export class ProposalWindow {
  constructor(
    private readonly calendar: CalendarService,
    private readonly config: AppConfig,
  ) {}

  /**
   * A function from "proposed at" to "expires at" (null: the year is missing), on one calendar
   * snapshot; `fresh` re-reads publications another replica made since the cache was filled.
   */
  async deadlines(options: { fresh?: boolean } = {}): Promise<(proposedAt: Date) => Date | null> {
    if (options.fresh) this.calendar.refresh();
    const calendar = await this.calendar.current();
    const days = this.config.proposalWindowWorkingDays;
    return (proposedAt) => {
      try {
        return calendar.addWorkingDays(proposedAt, days);
      } catch (error) {
        if (error instanceof CalendarYearMissingError) return null;
        throw error;
      }
    };
  }
}
