import { Injectable } from '@nestjs/common';
import { TextQuery } from '@enterpark/tickets';
import { DOCUMENT_COUNT_TERM } from '../domain/scoring';
import { Segmenter } from '../domain/segmenter';
import { TicketTermsRepository } from '../persistence/ticket-terms.repository';

/**
 * Turns the text of a ticket search (GET /tickets?q=) into a query over the similarity index:
 * its words, cut as the index cuts every ticket, and how common the rarest of them is (the
 * index's own document counts, cached for a minute), which the ticket list uses to choose
 * how to read the index.
 */
@Injectable()
export class TicketTextQueryService {
  private readonly segmenter = Segmenter.shared();

  constructor(private readonly terms: TicketTermsRepository) {}

  async parse(text: string): Promise<TextQuery> {
    const words = this.segmenter.queryWords(text);
    if (words.length === 0) return { text, words, rarestWordTickets: 0, tickets: 0 };
    const df = await this.terms.frequencies(words);
    return { text, words, rarestWordTickets: Math.min(...words.map((w) => df.get(w) ?? 0)), tickets: df.get(DOCUMENT_COUNT_TERM) ?? 0 };
  }
}
