import { isoWeekOf, lastFinishedWeek, nextWeek, parseIsoWeek, previousWeek } from './iso-week';

describe('ISO weeks in Asia/Shanghai', () => {
  it.each([
    ['2026-W47', '2026-11-15T16:00:00.000Z', '2026-11-22T16:00:00.000Z'],
    ['2026-W01', '2025-12-28T16:00:00.000Z', '2026-01-04T16:00:00.000Z'],
    ['2020-W53', '2020-12-27T16:00:00.000Z', '2021-01-03T16:00:00.000Z'],
    ['2027-W52', '2027-12-26T16:00:00.000Z', '2028-01-02T16:00:00.000Z'],
  ])('%s runs from %s to %s', (id, start, end) => {
    const week = parseIsoWeek(id)!;
    expect(week.id).toBe(id);
    expect(week.startsAt.toISOString()).toBe(start);
    expect(week.endsAt.toISOString()).toBe(end);
  });

  it.each(['2025-W53', '2026-W54', '2026-W00', '2026-47', '2026-W7', 'x', '1999-W10', '2026-W47 '])('%j is not a week', (id) => {
    expect(parseIsoWeek(id)).toBeNull();
  });

  it.each([
    // Sunday 23:59 Shanghai is still the old week; Monday 00:00 Shanghai is the new one.
    ['2026-11-22T15:59:59.999Z', '2026-W47'],
    ['2026-11-22T16:00:00.000Z', '2026-W48'],
    // 2026 starts on a Thursday, so it has 53 weeks and New Year's Day 2027 is in the last.
    ['2027-01-01T00:00:00.000Z', '2026-W53'],
    ['2027-01-03T16:00:00.000Z', '2027-W01'],
  ])('%s falls in %s', (instant, id) => {
    expect(isoWeekOf(new Date(instant)).id).toBe(id);
  });

  it('the last finished week on Monday 08:00 Shanghai is the week before', () => {
    expect(lastFinishedWeek(new Date('2026-11-23T00:00:00.000Z')).id).toBe('2026-W47');
    expect(lastFinishedWeek(new Date('2026-11-22T15:00:00.000Z')).id).toBe('2026-W46');
  });

  it('steps across year ends', () => {
    expect(nextWeek(parseIsoWeek('2020-W53')!).id).toBe('2021-W01');
    expect(previousWeek(parseIsoWeek('2021-W01')!).id).toBe('2020-W53');
    expect(previousWeek(parseIsoWeek('2026-W01')!).id).toBe('2025-W52');
  });
});
