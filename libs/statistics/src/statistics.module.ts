import { Module } from '@nestjs/common';
import { CalendarModule } from '@enterpark/calendar';
import { ReadDashboardService } from './application/read-dashboard.service';
import { RankingsService } from './application/rankings.service';
import { DashboardRepository } from './persistence/dashboard.repository';
import { RankingRepository } from './persistence/ranking.repository';

/** Figures over periods (rates, stage durations, league tables) shared by the dashboard, digests, rankings and bulletins. */
@Module({
  imports: [CalendarModule],
  providers: [DashboardRepository, ReadDashboardService, RankingRepository, RankingsService],
  exports: [ReadDashboardService, RankingsService],
})
export class StatisticsModule {}
