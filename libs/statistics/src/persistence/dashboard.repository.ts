import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ServiceType } from '@enterpark/common';
import { SlaStage } from '@enterpark/events';
import { DashboardPeriod, SlaCompliance, WeekPoint } from '../domain/dashboard';
import { ZoneRow } from '../domain/zone-row';
import { inWeek, OPEN, OVERDUE, weekParams, WORKING } from './period-sql';
import { ZONE_SUMMARIES_SQL, ZoneCountRow, zoneRows, ZoneSummaryRow } from './zone-figures';

/** Every ticket by (type, status): an index-only scan of ticket_type_status_idx. */
const TYPE_STATUS_SQL = `SELECT type, status, count(*)::int AS count FROM ticket GROUP BY type, status`;

/** Per week, a range scan each: ticket_created_filters_idx for filings, ticket_completed_at_idx for completions. */
const WEEKLY_SQL = `
  SELECT w.i, (SELECT count(*) FROM ticket t WHERE t.created_at >= w.s AND t.created_at < w.e)::int AS filed,
              (SELECT count(*) FROM ticket t WHERE t.completed_at >= w.s AND t.completed_at < w.e)::int AS completed
    FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS w(s, e, i)
   ORDER BY w.i`;

/** The event that ends each SLA stage on time or late (the others stop its clock without finishing it). */
const STAGE_END: Record<SlaStage, string> = { triage: 'ticket.accepted', matching: 'ticket.matched', service: 'ticket.service_completed' };
const STAGES = Object.keys(STAGE_END) as SlaStage[];

/**
 * Stages that ended in the period (event_stage_end_idx), set-based: an end is late when a breach
 * of its stage came before it (event_sla_breached_idx, a small partial index) with no earlier
 * end of the same stage in between, so a reopened ticket's new service round is judged on its
 * own. Only the few ends with a breach before them are checked one by one.
 */
const SLA_SQL = `
  WITH ends AS MATERIALIZED (
         SELECT e.aggregate_id, e.seq, e.name, CASE e.name ${STAGES.map((s) => `WHEN '${STAGE_END[s]}' THEN '${s}'`).join(' ')} END AS stage
           FROM event e
          WHERE e.name IN (${STAGES.map((s) => `'${STAGE_END[s]}'`).join(', ')}) AND ${inWeek('e.occurred_at')}),
       late AS (
         SELECT DISTINCT x.seq
           FROM ends x
           JOIN event b ON b.aggregate_id = x.aggregate_id AND b.name = 'ticket.sla_breached' AND b.seq < x.seq AND b.payload ->> 'stage' = x.stage
          WHERE NOT EXISTS (SELECT 1 FROM event p WHERE p.aggregate_id = x.aggregate_id AND p.seq > b.seq AND p.seq < x.seq AND p.name = x.name))
  SELECT e.stage, count(*) FILTER (WHERE l.seq IS NULL)::int AS on_time, count(l.seq)::int AS breached
    FROM ends e LEFT JOIN late l ON l.seq = e.seq
   GROUP BY e.stage`;

/**
 * Each zone's tickets in the period, read from those touched since it began (ticket_touched_idx)
 * or still open (ticket_open_zone_idx), as the digest's board does for one week.
 */
const ZONE_COUNTS_SQL = `
  SELECT t.zone_id, z.name AS zone_name,
         count(*) FILTER (WHERE ${inWeek('t.created_at')})::int AS filed, count(*) FILTER (WHERE ${inWeek('t.completed_at')})::int AS completed,
         count(*) FILTER (WHERE status = 'closed' AND ${inWeek('t.closed_at')})::int AS closed,
         count(*) FILTER (WHERE ${WORKING})::int AS working, count(*) FILTER (WHERE ${OVERDUE})::int AS overdue
    FROM ticket t JOIN zone z ON z.id = t.zone_id
   WHERE t.updated_at >= $start OR t.${OPEN}
   GROUP BY t.zone_id, z.name`;

/** The province dashboard's figures; every statement is answered from an index. */
@Injectable()
export class DashboardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  typeStatusCounts(): Promise<{ type: ServiceType; status: string; count: number }[]> {
    return this.dataSource.query(TYPE_STATUS_SQL);
  }

  async weekly(period: DashboardPeriod): Promise<WeekPoint[]> {
    const rows: { filed: number; completed: number }[] = await this.dataSource.query(WEEKLY_SQL, [period.weeks.map((w) => w.startsAt), period.weeks.map((w) => w.endsAt)]);
    return period.weeks.map((week, i) => ({ week, filed: rows[i].filed, completed: rows[i].completed }));
  }

  async slaCompliance(period: DashboardPeriod): Promise<SlaCompliance[]> {
    const q = weekParams(SLA_SQL, period, 1);
    const rows: { stage: SlaStage; on_time: number; breached: number }[] = await this.dataSource.query(q.sql, q.params);
    return STAGES.map((stage) => {
      const row = rows.find((r) => r.stage === stage);
      return { stage, onTime: row?.on_time ?? 0, breached: row?.breached ?? 0 };
    });
  }

  async zones(period: DashboardPeriod): Promise<ZoneRow[]> {
    const counts = weekParams(ZONE_COUNTS_SQL, period, 1);
    const summaries = weekParams(ZONE_SUMMARIES_SQL, period, 1);
    const [countRows, summaryRows] = await Promise.all([
      this.dataSource.query(counts.sql, counts.params) as Promise<ZoneCountRow[]>,
      this.dataSource.query(summaries.sql, summaries.params) as Promise<ZoneSummaryRow[]>,
    ]);
    return zoneRows(countRows, summaryRows);
  }
}
