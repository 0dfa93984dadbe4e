import { ZoneRow } from '../domain/zone-row';
import { inWeek } from './period-sql';

/**
 * The completion summaries created in the period (`$start`..`$end`, see weekParams;
 * ticket_summary_created_idx), narrowed before grouping so that only numbers are sorted:
 * working days to match and to complete of the tickets completed, ratings of those the
 * zones closed. The zone is in the summary. The figures of the league table, for the weekly
 * digest and the dashboard alike.
 */
export const ZONE_SUMMARIES_SQL = `
  SELECT zone_id, array_remove(array_agg(to_match) FILTER (WHERE kind = 'completed'), NULL) AS to_match,
         array_remove(array_agg(to_complete) FILTER (WHERE kind = 'completed'), NULL) AS to_complete,
         coalesce(sum(rating) FILTER (WHERE kind = 'closed'), 0)::int AS rating_sum,
         count(rating) FILTER (WHERE kind = 'closed')::int AS rating_count
    FROM (SELECT (s.summary -> 'zone' ->> 'id')::uuid AS zone_id, s.kind,
                 (s.summary -> 'durations' -> 'toMatch' ->> 'workingDays')::float8 AS to_match,
                 (s.summary -> 'durations' -> 'toComplete' ->> 'workingDays')::float8 AS to_complete,
                 (s.summary ->> 'rating')::int AS rating
            FROM ticket_summary s WHERE ${inWeek('s.created_at')} OFFSET 0) s
   GROUP BY zone_id`;

export interface ZoneSummaryRow {
  zone_id: string;
  to_match: number[];
  to_complete: number[];
  rating_sum: number;
  rating_count: number;
}

/** A zone's ticket counts in the period (`working`: open and not awaiting the zone's confirmation). */
export interface ZoneCountRow {
  zone_id: string | null;
  zone_name: string | null;
  filed: number;
  completed: number;
  closed: number;
  working: number;
  overdue: number;
}

/** One row per zone with counts, its summaries' figures joined in. */
export function zoneRows(counts: ZoneCountRow[], summaries: ZoneSummaryRow[]): ZoneRow[] {
  const bySummary = new Map(summaries.map((s) => [s.zone_id, s]));
  return counts.map((c) => {
    const s = bySummary.get(c.zone_id!);
    return {
      zoneId: c.zone_id!,
      zoneName: c.zone_name ?? '',
      filed: c.filed,
      completed: c.completed,
      closed: c.closed,
      open: c.working,
      overdue: c.overdue,
      toMatchDays: s?.to_match ?? [],
      toCompleteDays: s?.to_complete ?? [],
      ratingSum: s?.rating_sum ?? 0,
      ratingCount: s?.rating_count ?? 0,
    };
  });
}
