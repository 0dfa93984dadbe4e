import { Injectable } from '@nestjs/common';
import { Clock, SERVICE_TYPES } from '@enterpark/common';
import { Dashboard, DASHBOARD_LEAGUE, dashboardPeriod } from '../domain/dashboard';
import { buildLeagueTable } from '../domain/league-table';
import { DashboardRepository } from '../persistence/dashboard.repository';

/**
 * The province at a glance (coordinators and viewers): tickets by type and status now, and
 * for the period (default: the 12 ISO weeks up to this one) filings and completions per week,
 * SLA compliance per stage and the league table of zones, ranked as the weekly digest ranks.
 */
@Injectable()
export class ReadDashboardService {
  constructor(
    private readonly dashboard: DashboardRepository,
    private readonly clock: Clock,
  ) {}

  async read(query: { from?: string; to?: string }): Promise<Dashboard> {
    const period = dashboardPeriod(query, this.clock.now());
    const [counts, weekly, sla, zones] = await Promise.all([
      this.dashboard.typeStatusCounts(),
      this.dashboard.weekly(period),
      this.dashboard.slaCompliance(period),
      this.dashboard.zones(period),
    ]);
    const byStatus = new Map<string, number>();
    for (const c of counts) byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + c.count);
    return {
      period,
      byType: SERVICE_TYPES.map((type) => ({ type, count: counts.filter((c) => c.type === type).reduce((n, c) => n + c.count, 0) })),
      byStatus: [...byStatus].map(([status, count]) => ({ status, count })),
      weekly,
      sla,
      league: buildLeagueTable(zones, DASHBOARD_LEAGUE.top, DASHBOARD_LEAGUE.bottom),
    };
  }
}
