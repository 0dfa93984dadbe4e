import { Module } from '@nestjs/common';
import { IndexTicketTermsService } from './application/index-ticket-terms.service';
import { SimilarTicketsService } from './application/similar-tickets.service';
import { TicketTermsRepository } from './persistence/ticket-terms.repository';

@Module({
  providers: [TicketTermsRepository, IndexTicketTermsService, SimilarTicketsService],
  exports: [IndexTicketTermsService, SimilarTicketsService],
})
export class SimilarityModule {}
