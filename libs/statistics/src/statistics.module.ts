import { Module } from '@nestjs/common';
import { ReadDashboardService } from './application/read-dashboard.service';
import { DashboardRepository } from './persistence/dashboard.repository';

/** Figures over periods (rates, stage durations, league tables) shared by the dashboard, digests and reports. */
@Module({
  providers: [DashboardRepository, ReadDashboardService],
  exports: [ReadDashboardService],
})
export class StatisticsModule {}
