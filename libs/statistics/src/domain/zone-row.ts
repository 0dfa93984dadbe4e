/** One zone's figures for the province digest (the by-zone table and the league table). */
export interface ZoneRow {
  zoneId: string;
  zoneName: string;
  filed: number;
  completed: number;
  closed: number;
  open: number;
  overdue: number;
  /** Working days accepted → matched, of the tickets completed this week. */
  toMatchDays: number[];
  /** Working days matched → completed, of the tickets completed this week. */
  toCompleteDays: number[];
  ratingSum: number;
  ratingCount: number;
}
