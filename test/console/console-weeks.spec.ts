import { isoWeekOf, recentWeeks } from '../../apps/console/src/features/digests/iso-week';

/** The console names weeks as the API does (ISO 8601, the week of its Thursday). */
describe('ISO weeks in the console', () => {
  it.each([
    ['2026-11-23', '2026-W48'],
    ['2026-11-22', '2026-W47'],
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2020-12-31', '2020-W53'],
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2024-12-30', '2025-W01'],
  ])('%s is in %s', (day, week) => {
    expect(isoWeekOf(day)).toBe(week);
  });

  it('lists this week and the ones before it, newest first, with their days', () => {
    expect(recentWeeks('2026-11-25', 2)).toEqual([
      { value: '2026-W48', label: '2026-W48（11-23 至 11-29，本周）' },
      { value: '2026-W47', label: '2026-W47（11-16 至 11-22）' },
      { value: '2026-W46', label: '2026-W46（11-09 至 11-15）' },
    ]);
  });
});
