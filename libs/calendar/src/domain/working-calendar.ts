/**
 * Working days of the official Chinese calendar (weekends, public holidays and the
 * adjusted working Saturdays/Sundays of 调休), in Asia/Shanghai. Pure: built from the
 * package's data plus the database's overrides. Every method that needs a day of a
 * year it does not know throws CalendarYearMissingError.
 */
export interface WorkingCalendar {
  /** `day` as YYYY-MM-DD (a Shanghai calendar date). */
  isWorkday(day: string): boolean;
  /**
   * The deadline `days` working days after `from`: the end (24:00 Shanghai) of the
   * `days`-th working day after `from`'s Shanghai date.
   */
  addWorkingDays(from: Date, days: number): Date;
  /** Time between two instants counted on working days only, in days (fractional). */
  workingDaysBetween(from: Date, to: Date): number;
}
