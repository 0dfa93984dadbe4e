import { median, round2 } from './stage-duration';
import { Capped } from './capped';
import { ZoneRow } from './zone-row';

/** One zone's line in the league table. */
export interface LeagueEntry {
  rank: number;
  zoneId: string;
  zoneName: string;
  completed: number;
  open: number;
  /** Completed this week / (completed this week + still open): the share of the zone's workload finished. */
  completionRate: number;
  medianDaysToMatch: number | null;
  medianDaysToComplete: number | null;
  averageRating: number | null;
}

export interface LeagueTable {
  top: LeagueEntry[];
  /** The last places, when the table is longer than top + bottom. */
  bottom: LeagueEntry[];
  /** Zones ranked (with completions or open work); those between top and bottom are left out. */
  ranked: number;
  leftOut: number;
  overall: { completionRate: number | null; medianDaysToMatch: number | null; medianDaysToComplete: number | null; averageRating: number | null };
}

function entryOf(row: ZoneRow): Omit<LeagueEntry, 'rank'> {
  return {
    zoneId: row.zoneId,
    zoneName: row.zoneName,
    completed: row.completed,
    open: row.open,
    completionRate: row.completed / (row.completed + row.open),
    medianDaysToMatch: median(row.toMatchDays),
    medianDaysToComplete: median(row.toCompleteDays),
    averageRating: row.ratingCount > 0 ? round2(row.ratingSum / row.ratingCount) : null,
  };
}

/** Missing figures rank after any present one. */
function nullsLast(a: number | null, b: number | null, better: 'lower' | 'higher'): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return better === 'lower' ? a - b : b - a;
}

/**
 * Best first: the higher completion rate, then the faster median completion, the faster
 * median match, the better average rating, more completions; the zone name settles the rest
 * so that the same week always ranks the same.
 */
export function compareLeagueEntries(a: Omit<LeagueEntry, 'rank'>, b: Omit<LeagueEntry, 'rank'>): number {
  return (
    b.completionRate - a.completionRate ||
    nullsLast(a.medianDaysToComplete, b.medianDaysToComplete, 'lower') ||
    nullsLast(a.medianDaysToMatch, b.medianDaysToMatch, 'lower') ||
    nullsLast(a.averageRating, b.averageRating, 'higher') ||
    b.completed - a.completed ||
    (a.zoneName < b.zoneName ? -1 : a.zoneName > b.zoneName ? 1 : a.zoneId < b.zoneId ? -1 : 1)
  );
}

/** Ranks the zones that had work this week; shows the first `top` and the last `bottom`. */
export function buildLeagueTable(rows: readonly ZoneRow[], top: number, bottom: number): LeagueTable {
  const eligible = rows.filter((r) => r.completed + r.open > 0);
  const ranked = eligible.map(entryOf).sort(compareLeagueEntries).map((e, i) => ({ ...e, rank: i + 1 }));
  const showBottom = ranked.length > top + bottom ? bottom : Math.max(0, ranked.length - top);
  return {
    top: ranked.slice(0, top),
    bottom: showBottom > 0 ? ranked.slice(ranked.length - showBottom) : [],
    ranked: ranked.length,
    leftOut: Math.max(0, ranked.length - top - showBottom),
    overall: overallOf(eligible),
  };
}

function overallOf(rows: readonly ZoneRow[]): LeagueTable['overall'] {
  const completed = rows.reduce((s, r) => s + r.completed, 0);
  const open = rows.reduce((s, r) => s + r.open, 0);
  const ratings = rows.reduce((s, r) => ({ sum: s.sum + r.ratingSum, count: s.count + r.ratingCount }), { sum: 0, count: 0 });
  return {
    completionRate: completed + open > 0 ? completed / (completed + open) : null,
    medianDaysToMatch: median(rows.flatMap((r) => r.toMatchDays)),
    medianDaysToComplete: median(rows.flatMap((r) => r.toCompleteDays)),
    averageRating: ratings.count > 0 ? round2(ratings.sum / ratings.count) : null,
  };
}

/** The by-zone table: most filings this week first, then most open work. */
export function busiestZones(rows: readonly ZoneRow[], cap: number): Capped<ZoneRow> {
  const active = rows.filter((r) => r.filed + r.completed + r.closed + r.open > 0);
  const sorted = [...active].sort((a, b) => b.filed - a.filed || b.open - a.open || b.completed - a.completed || (a.zoneName < b.zoneName ? -1 : 1));
  return { total: sorted.length, items: sorted.slice(0, cap) };
}
