import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ZoneCount } from '../domain/problem';

/** One problem in a period's figures (the department's view: every zone). */
export interface ProblemFigure {
  id: string;
  title: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolution: string | null;
  ticketCount: number;
  zones: ZoneCount[];
}

export interface ProblemPeriod {
  from: Date;
  to: Date;
  /** Open at the end of the period (created before `to`, not resolved by then), newest first. */
  open: { total: number; items: ProblemFigure[] };
  /** Resolved within [from, to), latest first. */
  resolved: { total: number; items: ProblemFigure[] };
  /** Problems grouped within [from, to). */
  created: number;
}

export const PROBLEM_PERIOD_CAP = 20;

/**
 * The 问题归集 figures of a period, for the coordinators' weekly digest and the monthly
 * bulletin: open and resolved problems with their tickets counted by zone. Province-wide: only
 * for readers who see every zone. Lists are capped (`cap`), totals are not.
 */
@Injectable()
export class ProblemStatistics {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forPeriod(from: Date, to: Date, cap: number = PROBLEM_PERIOD_CAP): Promise<ProblemPeriod> {
    const rows: { id: string; title: string; created_at: Date; resolved_at: Date | null; resolution: string | null; bucket: 'open' | 'resolved' | null; created: boolean }[] = await this.dataSource.query(
      `SELECT p.id, p.title, p.created_at, p.resolved_at, p.resolution,
              CASE WHEN p.resolved_at >= $1 AND p.resolved_at < $2 THEN 'resolved'
                   WHEN p.created_at < $2 AND (p.resolved_at IS NULL OR p.resolved_at >= $2) THEN 'open' END AS bucket,
              (p.created_at >= $1 AND p.created_at < $2) AS created
         FROM problem p
        WHERE p.created_at < $2 AND (p.resolved_at IS NULL OR p.resolved_at >= $1)
        ORDER BY coalesce(p.resolved_at, p.created_at) DESC, p.id`,
      [from, to],
    );
    const open = rows.filter((r) => r.bucket === 'open');
    const resolved = rows.filter((r) => r.bucket === 'resolved');
    const shown = [...open.slice(0, cap), ...resolved.slice(0, cap)];
    const zones = await this.zonesOf(shown.map((r) => r.id), to);
    const figure = (r: (typeof rows)[number]): ProblemFigure => {
      const z = zones.get(r.id) ?? [];
      return { id: r.id, title: r.title, createdAt: r.created_at, resolvedAt: r.bucket === 'resolved' ? r.resolved_at : null, resolution: r.bucket === 'resolved' ? r.resolution : null, ticketCount: z.reduce((n, x) => n + x.count, 0), zones: z };
    };
    return {
      from,
      to,
      open: { total: open.length, items: open.slice(0, cap).map(figure) },
      resolved: { total: resolved.length, items: resolved.slice(0, cap).map(figure) },
      created: rows.filter((r) => r.created).length,
    };
  }

  /** Tickets linked by `to`, per problem and zone (those unlinked since are not counted: the link is gone). */
  private async zonesOf(ids: readonly string[], to: Date): Promise<Map<string, ZoneCount[]>> {
    const result = new Map<string, ZoneCount[]>();
    if (ids.length === 0) return result;
    const rows: { problem_id: string; zone_id: string; zone_name: string; n: number }[] = await this.dataSource.query(
      `SELECT pt.problem_id, pt.zone_id, z.name AS zone_name, count(*)::int AS n
         FROM problem_ticket pt JOIN zone z ON z.id = pt.zone_id
        WHERE pt.problem_id = ANY ($1::uuid[]) AND pt.linked_at < $2
        GROUP BY pt.problem_id, pt.zone_id, z.name ORDER BY n DESC, z.name`,
      [ids, to],
    );
    for (const r of rows) result.set(r.problem_id, [...(result.get(r.problem_id) ?? []), { zoneId: r.zone_id, zoneName: r.zone_name, count: r.n }]);
    return result;
  }
}
