import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SimilarityModule } from '@enterpark/similarity';
import { TicketsModule } from '@enterpark/tickets';
import { FileDemandListService } from './application/file-demand-list.service';
import { ManageZonesService } from './application/manage-zones.service';
import { ReadDemandListsService } from './application/read-demand-lists.service';
import { DemandListEntity } from './persistence/demand-list.entity';
import { DemandListRepository } from './persistence/demand-list.repository';
import { ZoneEntity } from './persistence/zone.entity';
import { ZoneRepository } from './persistence/zone.repository';

@Module({
  imports: [TypeOrmModule.forFeature([ZoneEntity, DemandListEntity]), TicketsModule, SimilarityModule],
  providers: [ZoneRepository, DemandListRepository, ManageZonesService, FileDemandListService, ReadDemandListsService],
  exports: [ManageZonesService, FileDemandListService, ReadDemandListsService],
})
export class DemandModule {}
