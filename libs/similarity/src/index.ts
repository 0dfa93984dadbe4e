export * from './application/index-ticket-terms.service';
export * from './application/similar-tickets.service';
export * from './application/ticket-text-query.service';
export * from './domain/scoring';
export * from './domain/segmenter';
export * from './domain/thesaurus';
export type { IndexedTicket, SimilarityFilter, SimilarTicketRow } from './persistence/ticket-terms.repository';
export * from './similarity.errors';
export * from './similarity.module';
