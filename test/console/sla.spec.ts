import { slaState, WorkCalendar, yearsBetween } from '../../apps/console/src/features/tickets/sla';

/** The console's SLA text: working days left (today counts) or days past, on the official calendar. */
const year2026 = {
  year: 2026,
  known: true,
  source: 'package' as const,
  // National Day week: 1–7 October; Saturday 10 October worked instead (调休).
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((day) => ({ day, name: '国庆节' })),
  workdays: [{ day: '2026-10-10', name: '国庆节调休' }],
};
const calendar = new WorkCalendar([year2026]);
/** The end (24:00 Shanghai) of a day, as the API stores a deadline. */
const endOf = (day: string) => new Date(`${day}T24:00:00+08:00`).toISOString();
const at = (local: string) => new Date(`${local}+08:00`);

describe('slaState', () => {
  it.each([
    ['Wednesday morning, due Friday', at('2026-11-25T10:00:00'), endOf('2026-11-27'), { kind: 'remaining', workingDays: 3 }],
    ['on the last day itself', at('2026-11-27T23:00:00'), endOf('2026-11-27'), { kind: 'remaining', workingDays: 1 }],
    ['over a weekend', at('2026-11-27T09:00:00'), endOf('2026-11-30'), { kind: 'remaining', workingDays: 2 }],
    ['across the National Day holidays', at('2026-09-30T09:00:00'), endOf('2026-10-09'), { kind: 'remaining', workingDays: 3 }],
    ['a Saturday worked (调休) counts', at('2026-10-09T09:00:00'), endOf('2026-10-12'), { kind: 'remaining', workingDays: 3 }],
    ['an hour past the deadline', at('2026-11-28T01:00:00'), endOf('2026-11-27'), { kind: 'overdue', days: 1 }],
    ['two and a half days past', at('2026-11-30T12:00:00'), endOf('2026-11-27'), { kind: 'overdue', days: 3 }],
    ['a deadline in a year the calendar lacks', at('2026-12-30T09:00:00'), endOf('2027-01-05'), { kind: 'unknown' }],
  ])('%s', (_case, now, dueAt, expected) => {
    expect(slaState(dueAt, now, calendar)).toEqual(expected);
  });

  it('ignores a year the API says it does not know', () => {
    const unknown = new WorkCalendar([{ ...year2026, known: false }]);
    expect(slaState(endOf('2026-11-27'), at('2026-11-25T10:00:00'), unknown)).toEqual({ kind: 'unknown' });
  });
});

describe('yearsBetween', () => {
  it('lists every year from now to the deadline (Shanghai dates)', () => {
    expect(yearsBetween(at('2026-12-31T23:30:00'), endOf('2028-01-02'))).toEqual([2026, 2027, 2028]);
    expect(yearsBetween(new Date('2026-12-31T16:30:00Z'), endOf('2027-01-04'))).toEqual([2027]);
  });
});
