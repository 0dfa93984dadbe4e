import { CalendarYearMissingError } from '../calendar.errors';
import { CalendarDay } from './calendar-day';
import { ChineseWorkingCalendar } from './chinese-working-calendar';
import { officialCalendar, withoutYears } from './official-calendar';

/** An instant written in Shanghai time. */
const sh = (localTime: string) => new Date(`${localTime}+08:00`);
/** 24:00 Shanghai of `day` is 16:00Z of the same date. */
const endOf = (day: string) => new Date(`${day}T16:00:00Z`);

/**
 * The package as these tests know it: 2004–2026. A later release may add 2027 and beyond;
 * the tests treat those years as missing so that they hold whatever the package ships.
 */
const AFTER_2026 = Array.from({ length: 2100 - 2026 }, (_, i) => 2027 + i);
const official = withoutYears(officialCalendar(), AFTER_2026);
const packageOnly = new ChineseWorkingCalendar(official);

/** Test data, not the State Council's 2027 calendar. */
const PUBLISHED_2027: CalendarDay[] = [
  { day: '2027-01-01', kind: 'holiday', name: '元旦' },
  ...['06', '07', '08', '09', '10', '11', '12', '13', '14'].map((d): CalendarDay => ({ day: `2027-02-${d}`, kind: 'holiday', name: '春节' })),
  { day: '2027-02-20', kind: 'workday', name: '春节' },
];
const with2027 = new ChineseWorkingCalendar(official, PUBLISHED_2027, [2027]);

const withOverrides = new ChineseWorkingCalendar(official, [
  { day: '2026-03-16', kind: 'holiday', name: '临时假日' },
  { day: '2026-10-07', kind: 'workday', name: '国庆节补班更正' },
]);

describe('the package data', () => {
  it('covers every year from 2004 to at least 2026 and names days in Chinese', () => {
    const years = [...officialCalendar().years].sort();
    expect(years[0]).toBe(2004);
    expect(years[years.length - 1]).toBeGreaterThanOrEqual(2026);
    expect(years).toHaveLength(years[years.length - 1] - 2004 + 1);
    expect(officialCalendar().days.get('2026-02-17')).toEqual({ day: '2026-02-17', kind: 'holiday', name: '春节' });
    expect(officialCalendar().days.get('2026-10-10')).toEqual({ day: '2026-10-10', kind: 'workday', name: '国庆节' });
  });
});

describe('isWorkday', () => {
  it.each([
    ['2026-03-16', 'a plain Monday', true],
    ['2026-03-14', 'a plain Saturday', false],
    ['2026-02-14', 'Saturday worked before Spring Festival 2026', true],
    ['2026-02-16', 'a Monday of Spring Festival 2026', false],
    ['2026-02-23', 'the last day of Spring Festival 2026 (a Monday)', false],
    ['2026-02-28', 'Saturday worked after Spring Festival 2026', true],
    ['2026-09-20', 'Sunday worked before National Day 2026', true],
    ['2026-10-05', 'a Monday of National Day 2026', false],
    ['2026-10-10', 'Saturday worked after National Day 2026', true],
    ['2025-01-26', 'Sunday worked before Spring Festival 2025', true],
    ['2025-02-04', 'the last day of Spring Festival 2025 (a Tuesday)', false],
    ['2025-02-08', 'Saturday worked after Spring Festival 2025', true],
  ])('%s (%s) → %s', (day, _what, expected) => {
    expect(packageOnly.isWorkday(day)).toBe(expected);
  });

  it('refuses a malformed or impossible date', () => {
    expect(() => packageOnly.isWorkday('2026-02-30')).toThrow(RangeError);
    expect(() => packageOnly.isWorkday('2026-2-3')).toThrow(RangeError);
  });
});

describe('addWorkingDays on the package calendar', () => {
  it.each([
    ['a plain week: Monday + 2', '2026-03-09T10:00', 2, '2026-03-11'],
    ['Friday + 1 → Monday', '2026-03-13T15:00', 1, '2026-03-16'],
    ['0 days → the end of the same date, even a Saturday', '2026-03-14T09:00', 0, '2026-03-14'],
    ['Spring Festival 2026: Friday + 1 → the worked Saturday', '2026-02-13T10:00', 1, '2026-02-14'],
    ['Spring Festival 2026: Friday + 2 → Tuesday after the holiday', '2026-02-13T10:00', 2, '2026-02-24'],
    ['Spring Festival 2026: Thursday + 3', '2026-02-12T08:00', 3, '2026-02-24'],
    ['Spring Festival 2026: Friday + 1 → the worked Saturday after it', '2026-02-27T17:00', 1, '2026-02-28'],
    ['National Day 2026: Saturday + 1 → the worked Sunday', '2026-09-19T11:00', 1, '2026-09-20'],
    ['National Day 2026: the day before + 1 → October 8', '2026-09-30T18:00', 1, '2026-10-08'],
    ['National Day 2026: Friday + 1 → the worked Saturday', '2026-10-09T09:00', 1, '2026-10-10'],
    ['a start on a holiday counts from the next working day', '2026-10-03T12:00', 1, '2026-10-08'],
    ['Mid-Autumn 2026 (Friday): Thursday + 1 → Monday', '2026-09-24T12:00', 1, '2026-09-28'],
    ['Spring Festival 2025: Saturday + 1 → the worked Sunday', '2025-01-25T10:00', 1, '2025-01-26'],
    ['Spring Festival 2025: Monday + 1 → Wednesday after the holiday', '2025-01-27T10:00', 1, '2025-02-05'],
    ['Spring Festival 2025: Friday + 1 → the worked Saturday', '2025-02-07T10:00', 1, '2025-02-08'],
    ['New Year 2026: Wednesday + 1 → the worked Sunday', '2025-12-31T10:00', 1, '2026-01-04'],
    ['the end of 2026 without touching 2027', '2026-12-28T10:00', 3, '2026-12-31'],
  ])('%s', (_what, from, days, deadline) => {
    expect(packageOnly.addWorkingDays(sh(from), days)).toEqual(endOf(deadline));
  });

  it('counts from the Shanghai date, not the UTC one', () => {
    // 2026-02-13T20:00Z is Saturday 2026-02-14 04:00 in Shanghai
    expect(packageOnly.addWorkingDays(new Date('2026-02-13T20:00:00Z'), 1)).toEqual(endOf('2026-02-24'));
  });

  it.each([-1, 1.5, 367, Number.NaN])('refuses %p working days', (days) => {
    expect(() => packageOnly.addWorkingDays(sh('2026-03-09T10:00'), days)).toThrow(RangeError);
  });

  it('accepts 366 working days when every year on the way is known', () => {
    expect(packageOnly.addWorkingDays(sh('2025-01-02T10:00'), 366).getTime()).toBeGreaterThan(endOf('2026-06-01').getTime());
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['to before from', '2026-03-10T10:00', '2026-03-09T10:00', 0],
    ['to equal to from', '2026-03-10T10:00', '2026-03-10T10:00', 0],
    ['six hours of a Monday', '2026-03-09T10:00', '2026-03-09T16:00', 0.25],
    ['twenty minutes, rounded to 0.01', '2026-03-09T10:00', '2026-03-09T10:20', 0.01],
    ['Friday noon to Monday noon skips the weekend', '2026-03-13T12:00', '2026-03-16T12:00', 1],
    ['a plain Saturday counts nothing', '2026-03-14T00:00', '2026-03-15T00:00', 0],
    ['across Spring Festival 2026 (the worked Saturday counts)', '2026-02-13T00:00', '2026-02-25T00:00', 3],
    ['across National Day 2026', '2026-09-30T18:00', '2026-10-08T06:00', 0.5],
  ])('%s', (_what, from, to, expected) => {
    expect(packageOnly.workingDaysBetween(sh(from), sh(to))).toBe(expected);
  });
});

describe('database overrides', () => {
  it('turn a working day into a holiday', () => {
    expect(withOverrides.isWorkday('2026-03-16')).toBe(false);
    expect(withOverrides.addWorkingDays(sh('2026-03-13T15:00'), 1)).toEqual(endOf('2026-03-17'));
    expect(withOverrides.workingDaysBetween(sh('2026-03-16T00:00'), sh('2026-03-17T00:00'))).toBe(0);
  });

  it('correct a package holiday into a working day', () => {
    expect(withOverrides.isWorkday('2026-10-07')).toBe(true);
    expect(withOverrides.addWorkingDays(sh('2026-09-30T18:00'), 1)).toEqual(endOf('2026-10-07'));
  });

  it('show in the year view', () => {
    const view = withOverrides.describeYear(2026);
    expect(view).toMatchObject({ year: 2026, known: true, source: 'package+overrides' });
    expect(view.holidays).toContainEqual({ day: '2026-03-16', name: '临时假日' });
    expect(view.holidays).not.toContainEqual(expect.objectContaining({ day: '2026-10-07' }));
  });
});

describe('years left out of the package data', () => {
  it('are missing, and their days are gone, until a coordinator publishes them', () => {
    const without2026 = withoutYears(officialCalendar(), [2026]);
    expect(without2026.years.has(2026)).toBe(false);
    expect(without2026.years.has(2025)).toBe(true);
    expect([...without2026.days.keys()].some((day) => day.startsWith('2026-'))).toBe(false);
    expect(new ChineseWorkingCalendar(without2026).describeYear(2026).source).toBe('missing');
    expect(new ChineseWorkingCalendar(without2026, [], [2026]).isWorkday('2026-02-17')).toBe(true); // published empty: a plain Tuesday
  });
});

describe('a published year', () => {
  it.each([
    ['across the year end', '2026-12-28T10:00', 5, '2027-01-05'],
    ['before its Spring Festival', '2027-02-05T10:00', 1, '2027-02-15'],
    ['onto its worked Saturday', '2027-02-19T10:00', 1, '2027-02-20'],
    ['a plain week with no overrides', '2027-03-01T10:00', 4, '2027-03-05'],
  ])('%s', (_what, from, days, deadline) => {
    expect(with2027.addWorkingDays(sh(from), days)).toEqual(endOf(deadline));
  });

  it('lists weekday holidays and worked weekend days', () => {
    expect(with2027.describeYear(2027)).toEqual({
      year: 2027,
      known: true,
      source: 'published',
      holidays: [
        { day: '2027-01-01', name: '元旦' },
        ...['08', '09', '10', '11', '12'].map((d) => ({ day: `2027-02-${d}`, name: '春节' })),
      ],
      workdays: [{ day: '2027-02-20', name: '春节' }],
    });
  });

  it('does not make the next year known', () => {
    expect(() => with2027.addWorkingDays(sh('2027-12-30T10:00'), 5)).toThrow(new CalendarYearMissingError(2028));
  });
});

describe('a year nobody knows', () => {
  const missing = (work: () => unknown): CalendarYearMissingError => {
    try {
      work();
    } catch (error) {
      if (error instanceof CalendarYearMissingError) return error;
      throw error;
    }
    throw new Error('expected CalendarYearMissingError');
  };

  it.each([
    ['adding working days into it', () => packageOnly.addWorkingDays(sh('2026-12-28T10:00'), 5), 2027],
    ['starting in it, even for 0 days', () => packageOnly.addWorkingDays(sh('2027-01-04T10:00'), 0), 2027],
    ['asking about one of its days', () => packageOnly.isWorkday('2027-01-04'), 2027],
    ['measuring time that reaches it', () => packageOnly.workingDaysBetween(sh('2026-12-31T10:00'), sh('2027-01-02T10:00')), 2027],
    ['a year before the package', () => packageOnly.isWorkday('2003-06-02'), 2003],
  ])('throws CalendarYearMissingError when %s', (_what, work, year) => {
    const error = missing(work);
    expect(error.year).toBe(year);
    expect(error.code).toBe('CALENDAR_YEAR_MISSING');
  });

  it('is described as missing', () => {
    expect(packageOnly.describeYear(2027)).toEqual({ year: 2027, known: false, source: 'missing', holidays: [], workdays: [] });
  });
});

describe('the package year view', () => {
  it('lists Spring Festival 2026 on weekdays and its worked Saturdays', () => {
    const view = packageOnly.describeYear(2026);
    expect(view).toMatchObject({ year: 2026, known: true, source: 'package' });
    expect(view.holidays.filter((h) => h.name === '春节').map((h) => h.day)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23']);
    expect(view.workdays.map((w) => w.day)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });
});
