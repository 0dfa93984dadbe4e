import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '@enterpark/database';
import { DemandText, Segmenter } from '../domain/segmenter';
import { IndexedTicket, TicketTermsRepository } from '../persistence/ticket-terms.repository';

export interface TicketText extends DemandText {
  id: string;
}

/**
 * Keeps the similarity index: intake segments its tickets before its transaction and stores
 * them inside it (so a ticket is findable as soon as it exists); the backfill indexes tickets
 * that never went through intake's indexing (filed before it existed, or seeded by SQL).
 */
@Injectable()
export class IndexTicketTermsService {
  private readonly segmenter = Segmenter.shared();

  constructor(
    private readonly terms: TicketTermsRepository,
    private readonly tx: TransactionRunner,
  ) {}

  /** Pure CPU (about 20 µs a ticket): do it before opening the transaction. */
  segment(tickets: readonly TicketText[]): IndexedTicket[] {
    return tickets.map((t) => ({ ticketId: t.id, doc: this.segmenter.document(t) }));
  }

  store(manager: EntityManager, indexed: readonly IndexedTicket[]): Promise<number> {
    return this.terms.insert(manager, indexed);
  }

  /** Indexes up to `batch` unindexed tickets in one transaction; answers how many it indexed. */
  async backfill(batch: number): Promise<number> {
    const tickets = await this.terms.unindexed(batch);
    if (tickets.length === 0) return 0;
    const indexed = this.segment(tickets);
    // A concurrent backfill may have taken some: those are skipped, and counted once.
    await this.tx.run((manager) => this.terms.insert(manager, indexed));
    return tickets.length;
  }
}
