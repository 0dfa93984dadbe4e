import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IsoWeek } from '@enterpark/common';
import { queryPrepared } from '@enterpark/database';
import { Capped, dateOf, inWeek, OPEN, OVERDUE, weekParams } from '@enterpark/statistics';
import { DemandListLine, WeekFlow, ZoneDigestData } from '../domain/digest-content';
import { DigestTicketLines } from './digest-content-lines';

/** The zone's name and its demand lists filed or completed in the week (demand_list_zone_idx). */
const LISTS_SQL = `
    (SELECT name FROM zone WHERE id = z.id) AS zone_name,
    (SELECT count(*)::int FROM demand_list WHERE zone_id = z.id AND ${inWeek('created_at')}) AS lists_filed_total,
    (SELECT coalesce(json_agg(l), '[]') FROM (
       SELECT id, title, item_count AS items, created_at AS at FROM demand_list
        WHERE zone_id = z.id AND ${inWeek('created_at')} ORDER BY created_at DESC, id LIMIT $2) l) AS lists_filed,
    (SELECT count(*)::int FROM demand_list WHERE zone_id = z.id AND ${inWeek('completed_at')}) AS lists_completed_total,
    (SELECT coalesce(json_agg(l), '[]') FROM (
       SELECT id, title, item_count AS items, completed_at AS at FROM demand_list
        WHERE zone_id = z.id AND ${inWeek('completed_at')} ORDER BY completed_at DESC, id LIMIT $2) l) AS lists_completed`;

/**
 * One zone's week (the zone is `z.id`, see ZONES_SQL). The zone's tickets touched since the
 * week began (ticket_zone_touched_idx) or still open (ticket_open_zone_idx) are read once, then
 * counted and cut into the lists. Any stage in the week bumped updated_at past the week's
 * start, so nothing is missed.
 */
const ZONE_SQL = `
  WITH base AS MATERIALIZED (
    SELECT t.id, t.status, t.created_at, t.routed_at, t.matched_at, t.completed_at, t.closed_at, t.updated_at,
           COALESCE(t.sla_due_at, t.due_at) AS deadline, t.sla_breached_at, t.due_at, t.desired_by,
           GREATEST(CASE WHEN ${inWeek('t.created_at')} THEN t.created_at END, CASE WHEN ${inWeek('t.routed_at')} THEN t.routed_at END,
                    CASE WHEN ${inWeek('t.matched_at')} THEN t.matched_at END, CASE WHEN ${inWeek('t.completed_at')} THEN t.completed_at END,
                    CASE WHEN ${inWeek('t.closed_at')} THEN t.closed_at END) AS week_at
      FROM ticket t
     WHERE t.zone_id = z.id AND (t.updated_at >= $start OR t.${OPEN}))
  SELECT
    (SELECT json_build_object(
       'filed', count(*) FILTER (WHERE ${inWeek('created_at')}), 'routed', count(*) FILTER (WHERE ${inWeek('routed_at')}),
       'matched', count(*) FILTER (WHERE ${inWeek('matched_at')}), 'completed', count(*) FILTER (WHERE ${inWeek('completed_at')}),
       'closed', count(*) FILTER (WHERE status = 'closed' AND ${inWeek('closed_at')}),
       'activity', count(*) FILTER (WHERE week_at IS NOT NULL), 'needsInfo', count(*) FILTER (WHERE status = 'needs_info'),
       'awaitingConfirmation', count(*) FILTER (WHERE status = 'completed'), 'overdue', count(*) FILTER (WHERE ${OVERDUE})) FROM base) AS counts,
    ARRAY(SELECT id FROM base WHERE week_at IS NOT NULL ORDER BY week_at DESC, id LIMIT $2) AS activity,
    ARRAY(SELECT id FROM base WHERE status = 'needs_info' ORDER BY updated_at, id LIMIT $2) AS needs_info,
    ARRAY(SELECT id FROM base WHERE status = 'completed' ORDER BY completed_at, id LIMIT $2) AS awaiting_confirmation,
    ARRAY(SELECT id FROM base WHERE ${OVERDUE} ORDER BY deadline, id LIMIT $2) AS overdue,
    ${LISTS_SQL}`;

/**
 * Each zone of a batch (`$1`), one statement: the batch's digests are composed together. On
 * bench/digest's province (1M tickets, 2,500 zones) a zone's figures and listed tickets took
 * 2.7–3.0 ms of the server's CPU one zone at a time and 1.3–1.7 ms in batches of 50: each
 * statement is planned again for its week bounds, and each costs a round trip.
 */
const ZONES_SQL = `SELECT z.id AS zone_id, d.* FROM unnest($1::uuid[]) AS z(id) CROSS JOIN LATERAL (${ZONE_SQL}) d`;

type ZoneCounts = WeekFlow & { activity: number; needsInfo: number; awaitingConfirmation: number; overdue: number };

interface ZoneQueryRow {
  zone_id: string;
  counts: ZoneCounts;
  activity: string[];
  needs_info: string[];
  awaiting_confirmation: string[];
  overdue: string[];
  zone_name: string | null;
  lists_filed_total: number;
  lists_filed: ListJson[];
  lists_completed_total: number;
  lists_completed: ListJson[];
}

interface ListJson {
  id: string;
  title: string;
  items: number;
  at: string;
}

function lists(total: number, rows: ListJson[]): Capped<DemandListLine> {
  return { total, items: rows.map((r) => ({ id: r.id, title: r.title, items: r.items, at: dateOf(r.at)! })) };
}

@Injectable()
export class ZoneDigestRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lines: DigestTicketLines,
  ) {}

  /**
   * The week of each zone that exists, by id. Two statements for any number of zones: their
   * figures and ids, then the listed tickets of all of them.
   */
  async loadMany(zoneIds: readonly string[], week: IsoWeek, cap: number): Promise<Map<string, ZoneDigestData>> {
    const ids = [...new Set(zoneIds)];
    if (ids.length === 0) return new Map();
    const query = weekParams(ZONES_SQL, week, 3);
    const rows = (await queryPrepared<ZoneQueryRow>(this.dataSource, query.sql, [ids, cap, ...query.params])).filter((r) => r.zone_name);
    const tickets = await this.lines.resolveMany(
      rows.map(({ counts: c, ...row }) => ({
        activity: { total: c.activity, ids: row.activity },
        needsInfo: { total: c.needsInfo, ids: row.needs_info },
        awaitingConfirmation: { total: c.awaitingConfirmation, ids: row.awaiting_confirmation },
        overdue: { total: c.overdue, ids: row.overdue },
      })),
    );
    return new Map(
      rows.map((row, i) => {
        const c = row.counts;
        const data: ZoneDigestData = {
          zone: { id: row.zone_id, name: row.zone_name! },
          flow: { filed: c.filed, routed: c.routed, matched: c.matched, completed: c.completed, closed: c.closed },
          ...tickets[i],
          listsFiled: lists(row.lists_filed_total, row.lists_filed),
          listsCompleted: lists(row.lists_completed_total, row.lists_completed),
        };
        return [row.zone_id, data];
      }),
    );
  }
}
