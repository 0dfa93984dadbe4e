import { Module } from '@nestjs/common';
import { IndexTicketTermsService } from './application/index-ticket-terms.service';
import { SimilarTicketsService } from './application/similar-tickets.service';
import { TicketTextQueryService } from './application/ticket-text-query.service';
import { TicketTermsRepository } from './persistence/ticket-terms.repository';

@Module({
  providers: [TicketTermsRepository, IndexTicketTermsService, SimilarTicketsService, TicketTextQueryService],
  exports: [IndexTicketTermsService, SimilarTicketsService, TicketTextQueryService],
})
export class SimilarityModule {}
