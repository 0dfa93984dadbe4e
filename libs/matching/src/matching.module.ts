import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ManageProvidersService } from './application/manage-providers.service';
import { ServiceProviderEntity } from './persistence/service-provider.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ServiceProviderEntity])],
  providers: [ManageProvidersService],
  exports: [ManageProvidersService],
})
export class MatchingModule {}
