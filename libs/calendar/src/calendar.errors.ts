import { DomainError } from '@enterpark/common';

/** A deadline falls in a year whose official calendar nobody has given us: refuse to guess. */
export class CalendarYearMissingError extends DomainError {
  readonly code = 'CALENDAR_YEAR_MISSING';
  readonly kind = 'conflict';
  constructor(readonly year: number) {
    super(`${year} 年的工作日历尚未维护，无法计算工作日期限，请协调员先发布该年度日历`, [], { year });
  }
}
