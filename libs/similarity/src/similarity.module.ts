import { Module } from '@nestjs/common';
import { TicketsModule } from '@enterpark/tickets';
import { IndexTicketTermsService } from './application/index-ticket-terms.service';
import { SimilarTicketsService } from './application/similar-tickets.service';
import { TicketTermsRepository } from './persistence/ticket-terms.repository';

@Module({
  imports: [TicketsModule],
  providers: [TicketTermsRepository, IndexTicketTermsService, SimilarTicketsService],
  exports: [IndexTicketTermsService, SimilarTicketsService],
})
export class SimilarityModule {}
