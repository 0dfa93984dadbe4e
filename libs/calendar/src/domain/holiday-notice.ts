import { InvalidInputError } from '@enterpark/common';
import { CalendarNoticeUnreadableError } from '../calendar.errors';
import { CalendarDay } from './calendar-day';
import { SectionNames, sectionNames } from './festival-names';
import { NoticeSection, NoticeSentence, normalizeNotice, noticeSections, noticeYear } from './holiday-notice-text';
import { isCalendarDay, isWeekend, nextDay, yearOf } from './shanghai-day';

/** The most text a coordinator may paste: a notice is about 1,000 characters. */
export const NOTICE_MAX_LENGTH = 20_000;

/** What a holiday notice says: its year and its special days (holidays, weekends inside them included, and make-up workdays). */
export interface HolidayNotice {
  year: number;
  /** In date order. */
  days: CalendarDay[];
}

/** A holiday period longer than this is a misread date, not a holiday. */
const MAX_PERIOD_DAYS = 31;
const HOLIDAY_SENTENCE = /放假|连休/;
const WORKDAY_SENTENCE = /上班|补班/;

/**
 * Reads the State Council's notice (国务院办公厅关于YYYY年部分节假日安排的通知) as published:
 * `二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
 * 2月14日（周六）、2月28日（周六）上班。` Weekday notes (周日, 星期日) and day counts (共9天)
 * are checked against the dates, so a notice read for the wrong year or a mistyped date is
 * refused, naming the line and section, rather than published.
 */
export function readHolidayNotice(raw: string): HolidayNotice {
  if (raw.length > NOTICE_MAX_LENGTH) throw InvalidInputError.field('text', 'maxLength', `text 不能超过 ${NOTICE_MAX_LENGTH} 个字符`);
  const text = normalizeNotice(raw);
  const year = noticeYear(text);
  const days = new Map<string, { day: CalendarDay; heading: string }>();
  for (const section of noticeSections(text)) {
    for (const { day, sentence } of readSection(section, year)) {
      const earlier = days.get(day.day);
      if (earlier) fail(`${monthDay(day.day)}在「${earlier.heading}」中已经出现过`, section, sentence);
      days.set(day.day, { day, heading: section.heading });
    }
  }
  return { year, days: [...days.values()].map((d) => d.day).sort((a, b) => a.day.localeCompare(b.day)) };
}

interface ReadDay {
  day: CalendarDay;
  sentence: NoticeSentence;
}

function readSection(section: NoticeSection, year: number): ReadDay[] {
  const names = sectionNames(section.names);
  const read: ReadDay[] = [];
  for (const sentence of section.sentences) {
    // Other sentences are notes (鼓励各单位…安排职工在除夕（2月9日）休息) or the closing prose.
    if (!HOLIDAY_SENTENCE.test(sentence.text) && !WORKDAY_SENTENCE.test(sentence.text)) continue;
    const reader = new SentenceReader(sentence, section, year);
    const days = HOLIDAY_SENTENCE.test(sentence.text) ? reader.holidaySentence(names) : reader.workdayList(names.main);
    read.push(...days.map((day) => ({ day, sentence })));
  }
  if (!read.some((r) => r.day.kind === 'holiday')) fail('没有找到放假日期（应为「M月D日（周X）至M月D日（周X）放假…」）', section);
  return read;
}

interface NoticeDate {
  day: string;
  year: number;
  month: number;
  /** As written, for messages. */
  written: string;
}

type DateContext = Partial<Pick<NoticeDate, 'year' | 'month'>>;

/** 2025年1月1日（周三）, 2月15日（农历腊月二十八、周日）, 23日 (month from the context). */
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^()]*)\))?/y;
const RANGE_TO = /[至到~\-—–]/y;
const HOLIDAY_WORDS = /放假|与周末连休/y;
const LIST_SEPARATOR = /、/y;
const WORKDAY_WORDS = /上班|补班/y;
const WEEKDAY_NOTE = /(?:周|星期|礼拜)([日天一二三四五六])/;
const WEEKDAYS = '日一二三四五六';

/** Reads one sentence from left to right; every failure names the sentence's line and section. */
class SentenceReader {
  private pos = 0;

  constructor(
    private readonly sentence: NoticeSentence,
    private readonly section: NoticeSection,
    private readonly year: number,
  ) {}

  /** `M月D日…至…D日放假…, 共N天, …`; a clause of it may list make-up workdays. */
  holidaySentence(names: SectionNames): CalendarDay[] {
    const from = this.date({});
    const to = this.take(RANGE_TO) ? this.date({ year: from.year, month: from.month }) : from;
    if (!this.take(HOLIDAY_WORDS)) this.unrecognized();
    const period = this.period(from, to);
    const days: CalendarDay[] = [];
    for (const clause of this.restOfSentence().split(',')) {
      const count = /^共?(\d+)天$/.exec(clause);
      if (count && Number(count[1]) !== period.length) {
        this.fail(`写明共 ${count[1]} 天，但「${from.written}至${to.written}」是 ${period.length} 天`);
      }
      if (WORKDAY_SENTENCE.test(clause)) days.push(...this.clauseReader(clause).workdayList(names.main));
      // Notes without numbers (调休, 不调休, 与周末连休) are wording; a date that is not read is refused.
      else if (!count && /\d/.test(clause)) this.clauseReader(clause).unrecognized();
    }
    const holidays = period.filter((day) => this.inYear(day, 'holiday', from));
    return [...holidays.map((day): CalendarDay => ({ day, kind: 'holiday', name: names.holiday(day) })), ...days];
  }

  /** `M月D日（周六）、M月D日（周日）上班`: the month and year carry over from item to item. */
  workdayList(name: string): CalendarDay[] {
    const days: CalendarDay[] = [];
    let previous: DateContext = {};
    do {
      const date = this.date(previous);
      if (this.inYear(date.day, 'workday', date)) days.push({ day: date.day, kind: 'workday', name });
      previous = date;
    } while (this.take(LIST_SEPARATOR));
    if (!this.take(WORKDAY_WORDS)) this.unrecognized();
    this.expectEnd();
    return days;
  }

  private expectEnd(): void {
    if (this.pos < this.sentence.text.length) this.unrecognized();
  }

  private date(context: DateContext): NoticeDate {
    const m = this.take(DATE);
    if (!m) this.unrecognized();
    const [written, y, mo, d, note] = m;
    const year = y ? Number(y) : (context.year ?? this.year);
    const month = mo ? Number(mo) : context.month;
    if (month === undefined) this.fail(`「${written}」缺少月份`);
    const day = `${year}-${String(month).padStart(2, '0')}-${String(Number(d)).padStart(2, '0')}`;
    if (!isCalendarDay(day)) this.fail(`「${written}」不是有效日期`);
    const weekday = note ? WEEKDAY_NOTE.exec(note) : null;
    const actual = WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()];
    if (weekday && weekday[1].replace('天', '日') !== actual) {
      this.fail(`「${written}」与日期不符：${year}年${month}月${Number(d)}日是周${actual}（通知的年份是否正确？）`);
    }
    return { day, year, month, written };
  }

  /** Every day from `from` to `to`, both included. */
  private period(from: NoticeDate, to: NoticeDate): string[] {
    if (to.day < from.day) this.fail(`「${from.written}至${to.written}」的结束日期早于开始日期`);
    const days = [from.day];
    while (days[days.length - 1] < to.day && days.length <= MAX_PERIOD_DAYS) days.push(nextDay(days[days.length - 1]));
    if (days.length > MAX_PERIOD_DAYS) this.fail(`「${from.written}至${to.written}」超过 ${MAX_PERIOD_DAYS} 天，不像是一个假期`);
    return days;
  }

  /**
   * Whether `day` belongs to the notice's year. A notice may reach into the year before
   * (2023's 元旦: 2022年12月31日至2023年1月2日): such a weekend holiday changes nothing and is
   * left out; any other day of another year must be published with that year.
   */
  private inYear(day: string, kind: CalendarDay['kind'], date: NoticeDate): boolean {
    if (yearOf(day) === this.year) return true;
    if (kind === 'holiday' && isWeekend(day)) return false;
    return this.fail(`「${date.written}」不在 ${this.year} 年内，请另行发布 ${yearOf(day)} 年的日历`);
  }

  private clauseReader(clause: string): SentenceReader {
    return new SentenceReader({ ...this.sentence, text: clause }, this.section, this.year);
  }

  private restOfSentence(): string {
    const rest = this.sentence.text.slice(this.pos);
    this.pos = this.sentence.text.length;
    return rest;
  }

  private take(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    const m = re.exec(this.sentence.text);
    if (m) this.pos = re.lastIndex;
    return m;
  }

  unrecognized(): never {
    const { text } = this.sentence;
    const near = this.pos === 0 ? '' : `（在「${text.slice(this.pos, this.pos + 12) || '句末'}」处）`;
    this.fail(`无法识别「${text}」${near}；应为「M月D日（周X）至M月D日（周X）放假…」或「M月D日（周X）、M月D日（周X）上班」`);
  }

  private fail(reason: string): never {
    return fail(reason, this.section, this.sentence);
  }
}

function fail(reason: string, section: NoticeSection, sentence?: NoticeSentence): never {
  throw new CalendarNoticeUnreadableError(reason, { line: sentence?.line ?? section.line, section: section.heading });
}

function monthDay(day: string): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8))}日`;
}
