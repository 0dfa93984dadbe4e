import { Injectable } from '@nestjs/common';
import { TicketTextQueryService } from '@enterpark/similarity';
import { TicketFilter } from '@enterpark/tickets';
import { ExportTicketsQuery } from './tickets.dto';

/**
 * The filters of GET /tickets (and its export) as the tickets lib takes them: `q` becomes a
 * query over the similarity index, cut into words by the segmenter that indexes every ticket.
 */
@Injectable()
export class TicketFilters {
  constructor(private readonly text: TicketTextQueryService) {}

  async of({ q, ...filter }: ExportTicketsQuery): Promise<TicketFilter> {
    return { ...filter, q: q === undefined ? undefined : await this.text.parse(q) };
  }
}
