import { DomainError } from '@enterpark/common';

/** A deadline falls in a year whose official calendar nobody has given us: refuse to guess. */
export class CalendarYearMissingError extends DomainError {
  readonly code = 'CALENDAR_YEAR_MISSING';
  readonly kind = 'conflict';
  constructor(readonly year: number) {
    super(`${year} 年的工作日历尚未维护，无法计算工作日期限，请协调员先发布该年度日历`, [], { year });
  }
}

/** Where in a holiday notice a reading failed: the line (1-based) and the section, when known. */
export interface NoticePlace {
  line?: number;
  /** The section's heading as written, e.g. 二、春节. */
  section?: string;
}

/** A pasted text that cannot be read as the State Council's holiday notice. */
export class CalendarNoticeUnreadableError extends DomainError {
  readonly code = 'CALENDAR_NOTICE_UNREADABLE';
  readonly kind = 'unprocessable';
  constructor(reason: string, place: NoticePlace = {}) {
    const where = [place.line ? `第 ${place.line} 行` : '', place.section ? `「${place.section}」` : ''].join('');
    const message = `无法读取放假通知：${where ? `${where}：` : ''}${reason}`;
    super(message, [{ field: 'text', rule: 'holidayNotice', message }], { ...place });
  }
}

/** The notice is for another year than the one it is posted to. */
export class CalendarNoticeYearMismatchError extends DomainError {
  readonly code = 'CALENDAR_NOTICE_YEAR_MISMATCH';
  readonly kind = 'unprocessable';
  constructor(
    readonly year: number,
    readonly noticeYear: number,
  ) {
    const message = `这是 ${noticeYear} 年的放假通知，不能作为 ${year} 年的日历；请提交到 /calendar/${noticeYear}/notice`;
    super(message, [{ field: 'text', rule: 'sameYear', message }], { year, noticeYear });
  }
}
