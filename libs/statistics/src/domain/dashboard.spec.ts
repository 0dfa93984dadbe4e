import { InvalidInputError } from '@enterpark/common';
import { dashboardPeriod } from './dashboard';

// Monday 2026-01-05 00:30 in Shanghai (Sunday 16:30 UTC): already ISO week 2026-W02 there.
const NOW = new Date('2026-01-04T16:30:00Z');

describe('dashboardPeriod', () => {
  it('defaults to the 12 ISO weeks ending with the current one in Shanghai, across the year end', () => {
    const p = dashboardPeriod({}, NOW);
    expect(p.weeks.map((w) => w.id)).toEqual([
      '2025-W43', '2025-W44', '2025-W45', '2025-W46', '2025-W47', '2025-W48', '2025-W49', '2025-W50', '2025-W51', '2025-W52', '2026-W01', '2026-W02',
    ]);
    expect(p.startsAt).toEqual(new Date('2025-10-19T16:00:00Z'));
    expect(p.endsAt).toEqual(new Date('2026-01-11T16:00:00Z'));
  });

  it.each([
    [{ from: '2026-W40', to: '2026-W42' }, ['2026-W40', '2026-W41', '2026-W42']],
    [{ to: '2026-W47' }, ['2026-W36', '2026-W37', '2026-W38', '2026-W39', '2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47']],
    [{ from: '2026-W02' }, ['2026-W02']],
  ])('takes %j as %j', (query, weeks) => {
    expect(dashboardPeriod(query, NOW).weeks.map((w) => w.id)).toEqual(weeks);
  });

  it.each([
    [{ from: '2026-W54' }, 'from', 'isoWeek'],
    [{ to: '2026-11-16' }, 'to', 'isoWeek'],
    [{ from: '2026-W10', to: '2026-W09' }, 'from', 'notAfterTo'],
    [{ from: '2025-W01', to: '2026-W02' }, 'from', 'maxWeeks'],
  ])('refuses %j naming %s (%s)', (query, field, rule) => {
    let error: unknown;
    try {
      dashboardPeriod(query, NOW);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).details).toEqual([expect.objectContaining({ field, rule })]);
  });
});
