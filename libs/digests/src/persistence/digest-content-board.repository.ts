import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IsoWeek, SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { DESK_BUCKETS, DeskBucket, DeskQueue, DigestBoard, ProvinceDigestData, TypeRow, WeekFlow } from '../domain/digest-content';
import { DigestTicketLines, IdBucket } from './digest-content-lines';
import { inWeek, OPEN, OVERDUE, weekParams, WORKING, ZONE_SUMMARIES_SQL, ZoneCountRow, zoneRows, ZoneSummaryRow } from '@enterpark/statistics';

/** Each desk bucket's membership and order; DESK_BUCKET_ORDER repeats the order in TypeScript to merge desks. */
const DESK_BUCKET_SQL: Record<DeskBucket, { where: string; order: string }> = {
  arrived: { where: inWeek('routed_at'), order: 'routed_at DESC' },
  unassigned: { where: `${WORKING} AND assignee_id IS NULL AND status NOT IN ('submitted', 'returned')`, order: 'created_at' },
  awaitingTriage: { where: `status = 'routed'`, order: 'routed_at' },
  proposals: { where: `status = 'matching'`, order: 'updated_at' },
  breached: { where: `${WORKING} AND sla_breached_at IS NOT NULL`, order: 'deadline' },
  escalated: { where: `${WORKING} AND escalated_at IS NOT NULL`, order: 'escalated_at' },
  completed: { where: inWeek('completed_at'), order: 'completed_at DESC' },
};

/**
 * The week of the whole province and of every desk in one pass: the tickets touched since the
 * week began (ticket_touched_idx; any stage in the week moved updated_at past its start) or
 * still open (ticket_open_zone_idx) are read once into `base`, then counted by zone, type and
 * desk/status (GROUPING SETS), cut into each desk's capped buckets and the province's lists.
 */
const BOARD_SQL = `
  WITH base AS MATERIALIZED (
    SELECT t.id, t.zone_id, t.type, t.desk, t.status, t.assignee_id, t.created_at, t.routed_at, t.matched_at, t.completed_at,
           t.closed_at, t.updated_at, COALESCE(t.sla_due_at, t.due_at) AS deadline, t.sla_breached_at, t.due_at, t.desired_by,
           LEAST(t.sla_escalated_at, t.matching_escalated_at) AS escalated_at
      FROM ticket t
     WHERE t.updated_at >= $start OR t.${OPEN}),
  counts AS (
    SELECT zone_id, type, desk, status, GROUPING(zone_id, type, desk, status) AS grouping,
           count(*) FILTER (WHERE ${inWeek('created_at')})::int AS filed, count(*) FILTER (WHERE ${inWeek('routed_at')})::int AS routed,
           count(*) FILTER (WHERE ${inWeek('matched_at')})::int AS matched, count(*) FILTER (WHERE ${inWeek('completed_at')})::int AS completed,
           count(*) FILTER (WHERE status = 'closed' AND ${inWeek('closed_at')})::int AS closed,
           count(*) FILTER (WHERE ${OPEN})::int AS open, count(*) FILTER (WHERE ${WORKING})::int AS working,
           count(*) FILTER (WHERE ${OVERDUE})::int AS overdue
      FROM base GROUP BY GROUPING SETS ((zone_id), (type), (desk, status), ())),
  buckets AS (${DESK_BUCKETS.map(
    (name) => `
    SELECT desk, '${name}' AS bucket, id, row_number() OVER (PARTITION BY desk ORDER BY ${DESK_BUCKET_SQL[name].order}, id) AS rn
      FROM base WHERE desk IS NOT NULL AND ${DESK_BUCKET_SQL[name].where}`,
  ).join(' UNION ALL ')})
  SELECT
    (SELECT json_agg(c) FROM (SELECT c.*, z.name AS zone_name FROM counts c LEFT JOIN zone z ON z.id = c.zone_id) c) AS counts,
    (SELECT json_agg(d) FROM (
       SELECT desk, bucket, count(*)::int AS total, coalesce(array_agg(id ORDER BY rn) FILTER (WHERE rn <= $1), '{}') AS ids
         FROM buckets GROUP BY desk, bucket) d) AS desk_buckets,
    (SELECT count(*)::int FROM base WHERE ${WORKING} AND escalated_at IS NOT NULL) AS escalated_total,
    ARRAY(SELECT id FROM base WHERE ${WORKING} AND escalated_at IS NOT NULL ORDER BY escalated_at, id LIMIT $1) AS escalated,
    (SELECT count(*)::int FROM base WHERE ${WORKING}) AS working_total,
    ARRAY(SELECT id FROM base WHERE ${WORKING} ORDER BY created_at, id LIMIT $1) AS slowest`;

/**
 * The base set is a few hundred thousand narrow rows at a million tickets: kept in memory
 * rather than spilled to disk; and JIT compilation, which the planner's large estimates
 * trigger, costs more than it saves on a query run once a week.
 */
const BOARD_SETTINGS = [`SET LOCAL work_mem = '64MB'`, `SET LOCAL jit = off`];

interface CountRow extends ZoneCountRow {
  type: ServiceType | null;
  desk: ServiceType | null;
  status: string | null;
  grouping: number;
  routed: number;
  matched: number;
  open: number;
}

interface BoardRow {
  counts: CountRow[] | null;
  desk_buckets: { desk: ServiceType; bucket: DeskBucket; total: number; ids: string[] }[] | null;
  escalated_total: number;
  escalated: string[];
  working_total: number;
  slowest: string[];
}

/** GROUPING(zone_id, type, desk, status): a bit is set for each column the row is not grouped by. */
const BY_ZONE = 0b0111;
const BY_TYPE = 0b1011;
const BY_DESK_STATUS = 0b1100;
const TOTAL = 0b1111;

@Injectable()
export class DigestBoardRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lines: DigestTicketLines,
  ) {}

  /** The board without the league table (the composer adds it from the statistics module). */
  async load(week: IsoWeek, cap: number): Promise<Omit<DigestBoard, 'province'> & { province: Omit<ProvinceDigestData, 'league'> }> {
    const board = weekParams(BOARD_SQL, week, 2);
    const summaries = weekParams(ZONE_SUMMARIES_SQL, week, 1);
    const [row, summaryRows] = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      for (const setting of BOARD_SETTINGS) await manager.query(setting);
      const [r]: BoardRow[] = await manager.query(board.sql, [cap, ...board.params]);
      return [r, (await manager.query(summaries.sql, summaries.params)) as ZoneSummaryRow[]] as const;
    });
    const ids: Record<string, IdBucket> = {
      escalations: { total: row.escalated_total, ids: row.escalated },
      slowest: { total: row.working_total, ids: row.slowest },
    };
    for (const desk of SERVICE_TYPES) for (const b of DESK_BUCKETS) ids[`${desk}/${b}`] = { total: 0, ids: [] };
    for (const b of row.desk_buckets ?? []) ids[`${b.desk}/${b.bucket}`] = { total: b.total, ids: b.ids };
    const tickets = await this.lines.resolve(ids);
    const counts = row.counts ?? [];
    const byDeskStatus = counts.filter((c) => c.grouping === BY_DESK_STATUS && c.open > 0);
    const desks: DeskQueue[] = SERVICE_TYPES.map((desk) => ({
      desk,
      openByStatus: Object.fromEntries(byDeskStatus.filter((c) => c.desk === desk).map((c) => [c.status!, c.open])),
      buckets: Object.fromEntries(DESK_BUCKETS.map((b) => [b, tickets[`${desk}/${b}`]])) as DeskQueue['buckets'],
    }));
    const province: Omit<ProvinceDigestData, 'league'> = {
      flow: flowOf(counts.find((c) => c.grouping === TOTAL)),
      byType: typeRows(counts.filter((c) => c.grouping === BY_TYPE)),
      openByStatus: sumByStatus(byDeskStatus),
      zones: zoneRows(counts.filter((c) => c.grouping === BY_ZONE), summaryRows),
      escalations: tickets.escalations,
      slowest: tickets.slowest,
    };
    return { province, desks };
  }
}

function flowOf(r: CountRow | undefined): WeekFlow {
  return { filed: r?.filed ?? 0, routed: r?.routed ?? 0, matched: r?.matched ?? 0, completed: r?.completed ?? 0, closed: r?.closed ?? 0 };
}

function typeRows(rows: CountRow[]): TypeRow[] {
  const byType = new Map(rows.map((r) => [r.type, r]));
  return SERVICE_TYPES.map((type) => ({ type, filed: byType.get(type)?.filed ?? 0, completed: byType.get(type)?.completed ?? 0, open: byType.get(type)?.working ?? 0 }));
}

function sumByStatus(rows: CountRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.status!] = (out[r.status!] ?? 0) + r.open;
  return out;
}
