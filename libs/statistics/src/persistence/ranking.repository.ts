import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SERVICE_TYPE_LABELS, SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { RankingDimension, RankingWeights } from '../domain/ranking';
import { ReportPeriod } from '../domain/report-period';

export type ZoneLevel = 'national' | 'provincial' | 'cultivating';

/** A ranked group's counts, and the submission → completion spans of its completed tickets. */
export interface RankingCountRow {
  key: string;
  submitted: number;
  completed: number;
  completed_on_time: number;
  confirmations: number;
  satisfied: number;
  returned: number;
  spans: { from: string; to: string }[] | null;
}

const KEY: Record<RankingDimension, string> = { zone: 't.zone_id::text', desk: 't.type', provider: 't.provider_id::text' };
const DONE = `t.status IN ('completed', 'closed')`;

/**
 * The tickets submitted in the period (created_at, ticket_created_idx), cancelled ones left
 * out, of zones of the level when one is given, grouped by zone, desk (the type's desk) or
 * matched provider. Returned = a `ticket.returned` event exists for the ticket.
 */
function countsSql(by: RankingDimension): string {
  return `
  SELECT ${KEY[by]} AS key, count(*)::int AS submitted,
         count(*) FILTER (WHERE ${DONE})::int AS completed,
         count(*) FILTER (WHERE ${DONE} AND t.sla_breaches = 0)::int AS completed_on_time,
         count(t.rating)::int AS confirmations,
         count(*) FILTER (WHERE t.rating >= 4)::int AS satisfied,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM event e WHERE e.aggregate_id = t.id AND e.name = 'ticket.returned'))::int AS returned,
         json_agg(json_build_object('from', t.created_at, 'to', t.completed_at)) FILTER (WHERE ${DONE} AND t.completed_at IS NOT NULL) AS spans
    FROM ticket t JOIN zone z ON z.id = t.zone_id
   WHERE t.created_at >= $1 AND t.created_at < $2 AND t.status <> 'cancelled' AND ($3::text IS NULL OR z.level = $3)
     ${by === 'provider' ? 'AND t.provider_id IS NOT NULL' : ''}
   GROUP BY 1`;
}

@Injectable()
export class RankingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  counts(period: Pick<ReportPeriod, 'startsAt' | 'endsAt'>, by: RankingDimension, level: ZoneLevel | null): Promise<RankingCountRow[]> {
    return this.dataSource.query(countsSql(by), [period.startsAt, period.endsAt, level]);
  }

  /**
   * Who is ranked: every zone (of the level) and every desk, so that one with nothing filed
   * shows as unranked rather than missing; providers only with tickets in the period.
   */
  async candidates(by: RankingDimension, level: ZoneLevel | null, keys: string[]): Promise<{ id: string; name: string }[]> {
    if (by === 'desk') return SERVICE_TYPES.map((type: ServiceType) => ({ id: type, name: `${SERVICE_TYPE_LABELS[type]}服务台` }));
    if (by === 'zone') return this.dataSource.query(`SELECT id::text, name FROM zone WHERE ($1::text IS NULL OR level = $1) ORDER BY name`, [level]);
    return this.dataSource.query(`SELECT id::text, name FROM service_provider WHERE id = ANY($1::uuid[])`, [keys]);
  }

  async weights(): Promise<RankingWeights | null> {
    const [row] = await this.dataSource.query(`SELECT completion, on_time, satisfaction, returns FROM ranking_weights WHERE id = 1`);
    return row ? { completion: Number(row.completion), onTime: Number(row.on_time), satisfaction: Number(row.satisfaction), returns: Number(row.returns) } : null;
  }

  async saveWeights(weights: RankingWeights, actorId: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ranking_weights (id, completion, on_time, satisfaction, returns, updated_by, updated_at) VALUES (1, $1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET completion = $1, on_time = $2, satisfaction = $3, returns = $4, updated_by = $5, updated_at = $6`,
      [weights.completion, weights.onTime, weights.satisfaction, weights.returns, actorId, at],
    );
  }
}
