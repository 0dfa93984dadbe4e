import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '@enterpark/calendar';
import { TicketsModule } from '@enterpark/tickets';
import { AnswerMatchService } from './application/answer-match.service';
import { ExpireProposalsService } from './application/expire-proposals.service';
import { ManageProvidersService } from './application/manage-providers.service';
import { ManualMatchService } from './application/manual-match.service';
import { ProposalWindow } from './application/proposal-window.service';
import { ProposeMatchService } from './application/propose-match.service';
import { ProviderLinkSigner } from './application/provider-link-signer.service';
import { ReadMatchesService } from './application/read-matches.service';
import { RedriveStuckMatchingService } from './application/redrive-stuck-matching.service';
import { ReleaseMatchService } from './application/release-match.service';
import { ProviderPoolRepository } from './persistence/provider-pool.repository';
import { ServiceProviderEntity } from './persistence/service-provider.entity';
import { TicketMatchEntity } from './persistence/ticket-match.entity';
import { TicketMatchRepository } from './persistence/ticket-match.repository';

const USE_CASES = [
  ManageProvidersService,
  ProposeMatchService,
  AnswerMatchService,
  ManualMatchService,
  ReleaseMatchService,
  ExpireProposalsService,
  ReadMatchesService,
  ProviderLinkSigner,
  RedriveStuckMatchingService,
];

@Module({
  imports: [TypeOrmModule.forFeature([ServiceProviderEntity, TicketMatchEntity]), TicketsModule, CalendarModule],
  providers: [...USE_CASES, ProposalWindow, TicketMatchRepository, ProviderPoolRepository],
  exports: USE_CASES,
})
export class MatchingModule {}
