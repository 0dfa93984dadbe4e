import { ZoneRow } from './zone-row';
import { buildLeagueTable, busiestZones } from './league-table';

function zone(name: string, over: Partial<ZoneRow> = {}): ZoneRow {
  return { zoneId: `id-${name}`, zoneName: name, filed: 0, completed: 0, closed: 0, open: 0, overdue: 0, toMatchDays: [], toCompleteDays: [], ratingSum: 0, ratingCount: 0, ...over };
}

describe('the league table of zones', () => {
  it('ranks by completion rate first', () => {
    const table = buildLeagueTable([zone('甲', { completed: 1, open: 3 }), zone('乙', { completed: 3, open: 1 }), zone('丙', { completed: 2, open: 2 })], 10, 3);
    expect(table.top.map((e) => [e.rank, e.zoneName, e.completionRate])).toEqual([
      [1, '乙', 0.75],
      [2, '丙', 0.5],
      [3, '甲', 0.25],
    ]);
  });

  it.each([
    ['the faster median completion', { toCompleteDays: [2, 4, 9] }, { toCompleteDays: [5, 6] }],
    ['a median completion over none', { toCompleteDays: [30] }, { toCompleteDays: [] }],
    ['the faster median match', { toMatchDays: [1] }, { toMatchDays: [2] }],
    ['the better average rating', { ratingSum: 9, ratingCount: 2 }, { ratingSum: 8, ratingCount: 2 }],
  ])('breaks an equal rate by %s', (_name, better: Partial<ZoneRow>, worse: Partial<ZoneRow>) => {
    const table = buildLeagueTable([zone('乙', { completed: 2, open: 2, ...worse }), zone('甲', { completed: 2, open: 2, ...better })], 10, 3);
    expect(table.top.map((e) => e.zoneName)).toEqual(['甲', '乙']);
  });

  it('settles full ties by zone name, so a week always ranks the same', () => {
    const rows = [zone('b', { completed: 1 }), zone('a', { completed: 1 }), zone('c', { completed: 1 })];
    expect(buildLeagueTable(rows, 10, 0).top.map((e) => e.zoneName)).toEqual(['a', 'b', 'c']);
    expect(buildLeagueTable([...rows].reverse(), 10, 0).top.map((e) => e.zoneName)).toEqual(['a', 'b', 'c']);
  });

  it('computes medians (odd and even counts) and average ratings', () => {
    const [entry] = buildLeagueTable([zone('甲', { completed: 4, toMatchDays: [3, 1, 2], toCompleteDays: [10, 2, 4, 6], ratingSum: 14, ratingCount: 3 })], 10, 0).top;
    expect(entry).toMatchObject({ medianDaysToMatch: 2, medianDaysToComplete: 5, averageRating: 4.67 });
  });

  it('leaves out zones with no completions and no open work', () => {
    const table = buildLeagueTable([zone('甲', { filed: 0 }), zone('乙', { completed: 1 })], 10, 3);
    expect(table.ranked).toBe(1);
    expect(table.top.map((e) => e.zoneName)).toEqual(['乙']);
  });

  it('shows the first and the last places and counts the zones in between', () => {
    const rows = Array.from({ length: 20 }, (_, i) => zone(`园区${String(i).padStart(2, '0')}`, { completed: 20 - i, open: i }));
    const table = buildLeagueTable(rows, 10, 3);
    expect(table.top.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(table.bottom.map((e) => e.rank)).toEqual([18, 19, 20]);
    expect(table.leftOut).toBe(7);
    expect(table.ranked).toBe(20);
  });

  it('shows no zone twice when the table is short', () => {
    const rows = Array.from({ length: 12 }, (_, i) => zone(`z${i}`, { completed: 1, open: i }));
    const table = buildLeagueTable(rows, 10, 3);
    expect(table.top).toHaveLength(10);
    expect(table.bottom.map((e) => e.rank)).toEqual([11, 12]);
    expect(table.leftOut).toBe(0);
  });

  it('sums the province overall across zones', () => {
    const table = buildLeagueTable([zone('甲', { completed: 1, open: 1, toMatchDays: [1], ratingSum: 5, ratingCount: 1 }), zone('乙', { completed: 2, open: 0, toMatchDays: [3, 5], ratingSum: 4, ratingCount: 1 })], 10, 0);
    expect(table.overall).toEqual({ completionRate: 0.75, medianDaysToMatch: 3, medianDaysToComplete: null, averageRating: 4.5 });
  });

  it('lists the busiest zones by filings, capped', () => {
    const rows = [zone('甲', { filed: 1 }), zone('乙', { filed: 5 }), zone('丙', { open: 9 }), zone('丁')];
    const busiest = busiestZones(rows, 2);
    expect(busiest.items.map((r) => r.zoneName)).toEqual(['乙', '甲']);
    expect(busiest.total).toBe(3);
  });
});
