import { Injectable } from '@nestjs/common';
import { TextQuery } from '@enterpark/tickets';
import { Segmenter } from '../domain/segmenter';
import { TicketTermsRepository } from '../persistence/ticket-terms.repository';

/**
 * Turns the text of a ticket search (GET /tickets?q=) into a query over the similarity index:
 * its words, cut as the index cuts every ticket, rarest first by the index's own document counts
 * (cached for a minute): the ticket list walks the rarest word's tickets.
 */
@Injectable()
export class TicketTextQueryService {
  private readonly segmenter = Segmenter.shared();

  constructor(private readonly terms: TicketTermsRepository) {}

  async parse(text: string): Promise<TextQuery> {
    const words = this.segmenter.queryWords(text);
    if (words.length < 2) return { text, words };
    const df = await this.terms.frequencies(words);
    return { text, words: [...words].sort((a, b) => df.get(a)! - df.get(b)!) };
  }
}
