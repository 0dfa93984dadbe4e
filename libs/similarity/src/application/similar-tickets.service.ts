import { Injectable } from '@nestjs/common';
import { Actor, scopeOf } from '@enterpark/common';
import { TicketNotFoundError } from '@enterpark/tickets';
import { cosine, rankBySimilarity, retrievalPlan, Scored, SIMILARITY, weigh } from '../domain/scoring';
import { DemandText, Segmenter, TermDocument } from '../domain/segmenter';
import { SimilarityFilter, SimilarTicketRow, TicketTermsRepository } from '../persistence/ticket-terms.repository';
import { SimilarTicketsForbiddenError } from '../similarity.errors';

export interface SimilarTicket extends SimilarTicketRow {
  /** Cosine similarity in [SIMILARITY.floor, 1]. */
  score: number;
}

export interface SimilarTextQuery extends SimilarityFilter {
  text: string;
  /** Tickets not to answer (the one asked about, those already in a group). */
  excludeIds?: readonly string[];
}

export const SIMILAR_LIMITS = { default: 5, max: 20 } as const;

/**
 * Tickets like a given one, or like a text, across zones: only those the caller may read
 * (a desk sees its desks' tickets) and at or above the similarity floor, best first. Zone
 * managers get none: the answers would name other zones' tickets.
 */
@Injectable()
export class SimilarTicketsService {
  private readonly segmenter = Segmenter.shared();

  constructor(private readonly terms: TicketTermsRepository) {}

  /** The tickets most like ticket `id` (which the caller must be able to read), itself excluded. */
  async forTicket(actor: Actor, id: string, limit: number = SIMILAR_LIMITS.default, filter: SimilarityFilter = {}): Promise<SimilarTicket[]> {
    if (actor.role === 'zone_manager') throw new SimilarTicketsForbiddenError();
    const ticket = await this.terms.ticketInReach(scopeOf(actor), id);
    if (!ticket) throw new TicketNotFoundError();
    // Not indexed yet (the worker's backfill has not reached it): its text, segmented now.
    const doc = ticket.doc ?? this.segmenter.document(ticket.text);
    return this.similar(actor, doc, [id], limit, filter);
  }

  /** The tickets best matching a free text (a template's demand, a problem's description). */
  async forText(actor: Actor, query: SimilarTextQuery, limit: number = SIMILAR_LIMITS.default): Promise<SimilarTicket[]> {
    if (actor.role === 'zone_manager') throw new SimilarTicketsForbiddenError();
    return this.similar(actor, this.segmenter.document({ title: query.text }), query.excludeIds ?? [], limit, query);
  }

  /** What a person reads of the tickets the caller may read, in the order asked (others are left out). */
  async describe(actor: Actor, ids: readonly string[]): Promise<SimilarTicketRow[]> {
    const rows = await this.terms.describe(ids, scopeOf(actor), {});
    return ids.map((id) => rows.get(id)).filter((r): r is SimilarTicketRow => r !== undefined);
  }

  /**
   * A small collection (experience templates) ranked against ticket `id`, which the caller
   * must be able to read, in memory: the same measure, with the ticket corpus's frequencies.
   */
  async rankForTicket<T>(actor: Actor, id: string, candidates: readonly T[], textOf: (c: T) => DemandText, limit: number): Promise<Scored<T>[]> {
    const ticket = await this.terms.ticketInReach(scopeOf(actor), id);
    if (!ticket) throw new TicketNotFoundError();
    const doc = ticket.doc ?? this.segmenter.document(ticket.text);
    const docs = candidates.map((c) => this.segmenter.document(textOf(c)));
    const frequencies = await this.terms.frequencies(new Set([...doc.terms, ...docs.flatMap((d) => d.terms)]));
    const ranked = rankBySimilarity(doc, candidates.map((item, i) => ({ item, doc: docs[i] })), (c) => c.doc, frequencies, limit);
    return ranked.map((s) => ({ item: s.item.item, score: Math.round(s.score * 1000) / 1000 }));
  }

  private async similar(actor: Actor, doc: TermDocument, excluded: readonly string[], limit: number, filter: SimilarityFilter): Promise<SimilarTicket[]> {
    if (doc.terms.length === 0) return [];
    const scope = scopeOf(actor);
    const frequencies = await this.terms.frequencies(doc.terms);
    const query = weigh(doc, frequencies);
    const narrowed = scope.kind !== 'province' || filter.type !== undefined || filter.statuses !== undefined;
    const estimated = await this.terms.estimate(this.estimateWeights(query, frequencies), retrievalPlan(query, frequencies), excluded, narrowed ? SIMILARITY.rescoredFiltered : SIMILARITY.rescored);
    const unknown = new Set(estimated.flatMap((c) => c.doc.terms).filter((t) => !frequencies.has(t)));
    const all = new Map([...frequencies, ...(await this.terms.frequencies(unknown))]);
    const q = weigh(doc, all);
    const ranked = estimated
      .map((c) => ({ ticketId: c.ticketId, score: cosine(q, weigh(c.doc, all)) }))
      .filter((s) => s.score >= SIMILARITY.floor)
      .sort((a, b) => b.score - a.score || (a.ticketId < b.ticketId ? -1 : 1));
    // Unnarrowed, every candidate is readable: only the answers need describing.
    const shown = narrowed ? ranked : ranked.slice(0, limit);
    const readable = await this.terms.describe(shown.map((s) => s.ticketId), scope, filter);
    return shown
      .filter((s) => readable.has(s.ticketId))
      .slice(0, limit)
      .map((s) => ({ ...readable.get(s.ticketId)!, score: Math.round(s.score * 1000) / 1000 }));
  }

  /** Per query term, what the database multiplies by a candidate's field weight: the query's weight × the term's own. */
  private estimateWeights(query: ReadonlyMap<string, number>, frequencies: ReadonlyMap<string, number>): Map<string, number> {
    const one = weigh({ terms: [...query.keys()], titleTerms: 0 }, frequencies);
    return new Map([...query].map(([term, w]) => [term, w * one.get(term)!]));
  }
}
