import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { shanghaiDay } from '@enterpark/common';
import { ReportPeriod } from '@enterpark/statistics';
import { BulletinContent, ProblemGroup, ProblemTicket } from '../domain/bulletin-content';

/** How many tickets each problem lists in the document. */
export const PROBLEM_LIST_MAX = 10;

const WORKING = `t.status NOT IN ('completed', 'closed', 'rejected', 'cancelled')`;

/** Each problem: which tickets of the period it takes, the note shown, the worst first. */
const PROBLEMS: Record<keyof BulletinContent['problems'], { where: string; note: string; order: string }> = {
  overdue: {
    where: `${WORKING} AND (t.sla_breached_at IS NOT NULL OR t.due_at < p.now OR t.desired_by < p.today)`,
    note: `'超期 ' || greatest(1, ceil(extract(epoch FROM p.now - least(coalesce(t.sla_breached_at, p.now), coalesce(t.due_at, p.now), coalesce(t.desired_by::timestamptz, p.now))) / 86400))::int || ' 天'`,
    order: `least(coalesce(t.sla_breached_at, p.now), coalesce(t.due_at, p.now), coalesce(t.desired_by::timestamptz, p.now))`,
  },
  returned: {
    where: `EXISTS (SELECT 1 FROM event e WHERE e.aggregate_id = t.id AND e.name = 'ticket.returned')`,
    note: `'退单：' || (SELECT e.payload ->> 'reason' FROM event e WHERE e.aggregate_id = t.id AND e.name = 'ticket.returned' ORDER BY e.seq DESC LIMIT 1)`,
    order: `t.created_at`,
  },
  escalated: {
    where: `(t.matching_escalated_at IS NOT NULL OR t.sla_escalated_at IS NOT NULL)`,
    note: `CASE WHEN t.matching_escalated_at IS NOT NULL THEN '无可匹配服务机构，已提请协调' ELSE '超时已升级督办' END`,
    order: `coalesce(t.matching_escalated_at, t.sla_escalated_at)`,
  },
  lowestRated: { where: `t.rating <= 3`, note: `'评分 ' || t.rating || ' 分'`, order: `t.rating, t.closed_at` },
};

/** 四、存在问题: tickets submitted in the period (cancelled ones left out), as they stand at `asOf`. */
@Injectable()
export class BulletinProblemsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(period: ReportPeriod, asOf: Date): Promise<BulletinContent['problems']> {
    const entries = await Promise.all((Object.keys(PROBLEMS) as (keyof typeof PROBLEMS)[]).map(async (key) => [key, await this.group(key, period, asOf)] as const));
    return Object.fromEntries(entries) as BulletinContent['problems'];
  }

  private async group(key: keyof typeof PROBLEMS, period: ReportPeriod, asOf: Date): Promise<ProblemGroup> {
    const p = PROBLEMS[key];
    const rows: (ProblemTicket & { total: number })[] = await this.dataSource.query(
      `SELECT t.id AS "ticketId", t.title, z.name AS "zoneName", t.type, ${p.note} AS note, count(*) OVER ()::int AS total
         FROM ticket t JOIN zone z ON z.id = t.zone_id CROSS JOIN (SELECT $3::timestamptz AS now, $4::date AS today) p
        WHERE t.created_at >= $1 AND t.created_at < $2 AND t.status <> 'cancelled' AND ${p.where}
        ORDER BY ${p.order}, t.id LIMIT ${PROBLEM_LIST_MAX}`,
      [period.startsAt, period.endsAt, asOf, shanghaiDay(asOf)],
    );
    return { count: rows[0]?.total ?? 0, items: rows.map(({ total: _total, ...t }) => t) };
  }
}
