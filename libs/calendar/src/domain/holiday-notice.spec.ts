import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CalendarNoticeUnreadableError } from '../calendar.errors';
import { CalendarDay } from './calendar-day';
import { ChineseWorkingCalendar } from './chinese-working-calendar';
import { readHolidayNotice } from './holiday-notice';
import { officialCalendar } from './official-calendar';
import { daysOfYear, yearOf } from './shanghai-day';

/** The State Council's notices as published (full-width punctuation, indented paragraphs, signature). */
const notice = (year: number) => readFileSync(join(__dirname, 'fixtures', `notice-${year}.txt`), 'utf8');

const packageCalendar = new ChineseWorkingCalendar(officialCalendar());
/** Only the notice's days over plain Monday–Friday weeks: what publishing the notice makes of a year. */
const publishedAlone = (year: number, days: CalendarDay[]) => new ChineseWorkingCalendar({ years: new Set(), days: new Map() }, days, [year]);
/** chinese-days shortens three names the notices write in full. */
const PACKAGE_SHORT_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };
const packageDays = (year: number) =>
  [...officialCalendar().days.values()]
    .filter((d) => yearOf(d.day) === year)
    .map((d) => ({ ...d, name: PACKAGE_SHORT_NAMES[d.name] ?? d.name }))
    .sort((a, b) => a.day.localeCompare(b.day));

describe.each([2024, 2025, 2026])('the published notice for %i', (year) => {
  const read = readHolidayNotice(notice(year));

  it('is read as that year', () => {
    expect(read.year).toBe(year);
  });

  it('gives every day of the year the working status chinese-days gives it', () => {
    const published = publishedAlone(year, read.days);
    const differing = daysOfYear(year).filter((day) => published.isWorkday(day) !== packageCalendar.isWorkday(day));
    expect(differing).toEqual([]);
  });

  it('lists exactly the package holidays and make-up workdays, with the same names', () => {
    expect(read.days).toEqual(packageDays(year));
  });
});

describe('the 2025 notice in detail', () => {
  const days = readHolidayNotice(notice(2025)).days;
  const named = (name: string, kind: CalendarDay['kind']) => days.filter((d) => d.name === name && d.kind === kind).map((d) => d.day);

  it.each([
    ['元旦, one day without make-up', '元旦', 'holiday', ['2025-01-01']],
    ['春节, 除夕 to 初七 across two months', '春节', 'holiday', ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04']],
    ['春节 make-up Sunday and Saturday', '春节', 'workday', ['2025-01-26', '2025-02-08']],
    ['端午节 from May into June', '端午节', 'holiday', ['2025-05-31', '2025-06-01', '2025-06-02']],
    ['国庆节、中秋节: the period is 国庆节', '国庆节', 'holiday', ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-07', '2025-10-08']],
    ['国庆节、中秋节: 中秋节 on its own date, 10月6日', '中秋节', 'holiday', ['2025-10-06']],
    ['国庆节、中秋节: make-up days are 国庆节', '国庆节', 'workday', ['2025-09-28', '2025-10-11']],
  ] as const)('%s', (_what, name, kind, expected) => {
    expect(named(name, kind)).toEqual(expected);
  });
});

const TITLE_2026 = '国务院办公厅关于2026年部分节假日安排的通知\n';
const only = (text: string) => readHolidayNotice(text).days;
const holidays = (from: number, to: number, month: string, name: string, year = 2026): CalendarDay[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ day: `${year}-${month}-${String(from + i).padStart(2, '0')}`, kind: 'holiday', name }));
const workday = (day: string, name: string): CalendarDay => ({ day, kind: 'workday', name });

describe('wordings and pastes', () => {
  const spring = [...holidays(15, 23, '02', '春节'), workday('2026-02-14', '春节'), workday('2026-02-28', '春节')].sort((a, b) => a.day.localeCompare(b.day));

  it.each([
    ['full-width punctuation as published', `${TITLE_2026}一、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。`],
    ['ASCII punctuation', `${TITLE_2026}一、春节:2月15日(周日)至23日(周一)放假调休,共9天.2月14日(周六)、2月28日(周六)上班.`],
    ['full-width digits and spaces', `${TITLE_2026}一、春节：２月１５日　（周日）至２３日（周一）放假调休，共９天。２月１４日（周六）、２月２８日（周六）上班。`],
    ['星期 instead of 周, and the month repeated in the range', `${TITLE_2026}一、春节：2月15日（星期日）至2月23日（星期一）放假调休，共9天。2月14日（星期六）、2月28日（星期六）上班。`],
    ['a PDF copy: spaced-out dates and lines wrapped inside sentences', `${TITLE_2026}一、春节：2 月 15 日（农历腊月二十八、周日）至 23 日\n（农历正月初七、周一）放假调休，共 9 天。\n2月14日（周六）、\n2月28日（周六）上班。\n`],
    ['make-up days in a clause of the holiday sentence', `${TITLE_2026}一、春节：2月15日至23日放假调休，共9天，2月14日（周六）、2月28日（周六）上班。`],
    ['the month carried over in a list of make-up days', `${TITLE_2026}一、春节：2月15日至23日放假调休，共9天。2月14日（周六）、28日（周六）上班。`],
    ['Windows line ends, no title but the preamble', '经国务院批准，现将2026年春节放假调休日期的具体安排通知如下。\r\n一、春节：2月15日至23日放假调休，共9天。\r\n2月14日（周六）、2月28日（周六）上班。\r\n'],
  ])('%s', (_what, text) => {
    expect(only(text)).toEqual(spring);
  });

  it('reads the whole notice pasted as one line', () => {
    expect(only(notice(2026).replace(/\s+/g, ''))).toEqual(readHolidayNotice(notice(2026)).days);
  });

  it.each([
    ['a single day 放假1天，不调休', '一、元旦：1月1日（周四）放假1天，不调休。', [{ day: '2026-01-01', kind: 'holiday', name: '元旦' }]],
    ['a day 与周末连休', '一、端午节：6月19日与周末连休。', [{ day: '2026-06-19', kind: 'holiday', name: '端午节' }]],
    ['a note with a date is not a make-up day', '一、春节：2月16日至17日放假。鼓励各单位安排职工在除夕（2月16日）休息。', holidays(16, 17, '02', '春节')],
    ['an unknown holiday name is kept as written', '一、抗战胜利纪念日：9月3日（周四）至4日（周五）放假。9月6日（周日）上班。', [...holidays(3, 4, '09', '抗战胜利纪念日'), workday('2026-09-06', '抗战胜利纪念日')]],
  ] as const)('%s', (_what, section, expected) => {
    expect(only(TITLE_2026 + section)).toEqual(expected);
  });

  it.each([
    [
      '2023: 中秋节、国庆节, 中秋节 on its own date first',
      '国务院办公厅关于2023年部分节假日安排的通知\n一、中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。',
      2023,
    ],
    ['2020: 中秋节 on 10月1日 is named 国庆节', '国务院办公厅关于2020年部分节假日安排的通知\n一、国庆节、中秋节：10月1日至8日放假调休，共8天。9月27日（星期日）、10月10日（星期六）上班。', 2020],
    ['2017: 中秋节 inside the National Day week', '国务院办公厅关于2017年部分节假日安排的通知\n一、国庆节、中秋节：10月1日至8日放假调休，共8天。9月30日（星期六）上班。', 2017],
  ])('names a combined section as chinese-days does (%s)', (_what, text, year) => {
    const autumn = packageDays(year).filter((d) => d.day >= `${year}-09-15`);
    expect(only(text)).toEqual(autumn);
  });

  it('leaves out a weekend holiday of the year before (2023: 2022年12月31日至2023年1月2日)', () => {
    const text = '国务院办公厅关于2023年部分节假日安排的通知\n一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。';
    expect(only(text)).toEqual([
      { day: '2023-01-01', kind: 'holiday', name: '元旦' },
      { day: '2023-01-02', kind: 'holiday', name: '元旦' },
    ]);
  });
});

describe('a text that cannot be read', () => {
  const refusal = (text: string): CalendarNoticeUnreadableError => {
    try {
      readHolidayNotice(text);
    } catch (error) {
      if (error instanceof CalendarNoticeUnreadableError) return error;
      throw error;
    }
    throw new Error('expected CalendarNoticeUnreadableError');
  };
  const body = (sections: string) => `${TITLE_2026}${sections}`;

  it.each([
    ['an empty text', '', '找不到通知的年份', {}],
    ['a text that is no notice', '请于本周五前提交园区需求清单。', '找不到通知的年份', {}],
    ['a title without sections', TITLE_2026, '找不到编号的放假安排', {}],
    ['two years', '国务院办公厅关于2026年部分节假日安排的通知\n现将2025年元旦放假安排通知如下。\n一、元旦：1月1日放假。', '年份不一致', {}],
    ['a weekday that does not fit the year', notice(2025).replace('关于2025年', '关于2026年').replace('现将2025年', '现将2026年'), '「1月1日(周三)」与日期不符：2026年1月1日是周四', { line: 6, section: '一、元旦' }],
    ['an impossible date', body('一、春节：2月30日放假。'), '「2月30日」不是有效日期', { line: 2, section: '一、春节' }],
    ['a day count that does not fit the dates', body('一、春节：2月15日至23日放假调休，共8天。'), '写明共 8 天，但「2月15日至23日」是 9 天', { section: '一、春节' }],
    ['a range that ends before it starts', body('一、春节：2月23日至15日放假。'), '结束日期早于开始日期', {}],
    ['a first date without its month', body('一、春节：15日至23日放假。'), '「15日」缺少月份', {}],
    ['a range too long for a holiday', body('一、春节：1月1日至3月1日放假。'), '超过 31 天', {}],
    ['a date in a note of the holiday sentence', body('一、春节：2月15日放假至23日。'), '无法识别「至23日」', {}],
    ['a sentence that is not a list of days', body('一、春节：2月15日至23日放假。\n初八（2月24日）起正常上班。'), '无法识别「初八(2月24日)起正常上班」', { line: 3, section: '一、春节' }],
    ['a section without holidays', body('一、春节：2月14日（周六）上班。'), '没有找到放假日期', { line: 2, section: '一、春节' }],
    ['a text that does not start with section 一', body('二、春节：2月15日至23日放假。'), '第一部分应编号为「一、」', { line: 2, section: '二、春节' }],
    ['a section number missing', body('一、元旦：1月1日放假。\n三、春节：2月15日至23日放假。'), '「一、元旦」之后应为第 2 部分', { line: 3, section: '三、春节' }],
    ['a day in two sections', body('一、元旦：1月1日至2日放假。\n二、春节：1月2日放假。'), '1月2日在「一、元旦」中已经出现过', { line: 3, section: '二、春节' }],
    [
      'a make-up day of another year',
      '国务院办公厅关于2012年部分节假日安排的通知\n一、元旦：2012年1月1日至3日放假调休，共3天。2011年12月31日（星期六）上班。',
      '「2011年12月31日(星期六)」不在 2012 年内，请另行发布 2011 年的日历',
      { line: 2 },
    ],
  ])('refuses %s, naming what could not be read', (_what, text, reason, place) => {
    const error = refusal(text);
    expect(error.code).toBe('CALENDAR_NOTICE_UNREADABLE');
    expect(error.message).toContain(reason);
    expect(error.extra).toMatchObject(place);
    expect(error.details).toEqual([{ field: 'text', rule: 'holidayNotice', message: error.message }]);
  });

  it('refuses more than 20,000 characters before reading them', () => {
    expect(() => readHolidayNotice(notice(2026).padEnd(20_001, '。'))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', details: [expect.objectContaining({ field: 'text', rule: 'maxLength' })] }));
  });
});
