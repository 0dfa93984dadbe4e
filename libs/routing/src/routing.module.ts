import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TicketsModule } from '@enterpark/tickets';
import { RedriveStuckTicketsService } from './application/redrive-stuck-tickets.service';
import { RouteTicketsService } from './application/route-tickets.service';
import { DeskWorkloadRepository } from './persistence/desk-workload.repository';
import { RoutingRuleEntity } from './persistence/routing-rule.entity';

@Module({
  imports: [TypeOrmModule.forFeature([RoutingRuleEntity]), TicketsModule],
  providers: [DeskWorkloadRepository, RouteTicketsService, RedriveStuckTicketsService],
  exports: [RouteTicketsService, RedriveStuckTicketsService],
})
export class RoutingModule {}
