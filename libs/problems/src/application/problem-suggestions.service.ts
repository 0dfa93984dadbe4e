import { Injectable } from '@nestjs/common';
import { Actor, ServiceType } from '@enterpark/common';
import { SimilarTicketsService } from '@enterpark/similarity';
import { FINISHED_STATUSES, TICKET_STATUSES } from '@enterpark/tickets';
import { ProblemSuggestionsForbiddenError } from '../problems.errors';
import { ProblemSuggestionRepository } from '../persistence/problem-suggestion.repository';

export const SUGGESTION_LIMITS = { default: 5, max: 20, seeds: 40, perCluster: 10 } as const;

const OPEN_STATUSES = TICKET_STATUSES.filter((s) => !FINISHED_STATUSES.includes(s));

export interface SuggestedTicket {
  ticketId: string;
  zoneId: string;
  zoneName: string;
  title: string;
  type: ServiceType;
  status: string;
  /** Similarity to the cluster's first ticket (1 for that ticket itself). */
  score: number;
}

export interface ProblemSuggestion {
  /** The first ticket's title, offered as the problem's title. */
  title: string;
  zoneCount: number;
  tickets: SuggestedTicket[];
}

/**
 * Clusters of open similar tickets from at least two zones, none of them in a problem yet.
 * Bounded work: from the newest SUGGESTION_LIMITS.seeds open tickets in no problem, each seed
 * not already in a cluster asks the similarity index for its most similar open tickets
 * (at most perCluster); a cluster spanning two zones or more is kept, until `limit`.
 */
@Injectable()
export class ProblemSuggestionsService {
  constructor(
    private readonly similar: SimilarTicketsService,
    private readonly repository: ProblemSuggestionRepository,
  ) {}

  async suggest(actor: Actor, limit: number = SUGGESTION_LIMITS.default): Promise<ProblemSuggestion[]> {
    if (actor.role !== 'coordinator' && actor.role !== 'viewer') throw new ProblemSuggestionsForbiddenError();
    const seeds = await this.repository.seeds(OPEN_STATUSES, SUGGESTION_LIMITS.seeds);
    const used = new Set<string>();
    const suggestions: ProblemSuggestion[] = [];
    for (const seed of seeds) {
      if (suggestions.length >= limit) break;
      if (used.has(seed.id)) continue;
      const found = await this.similar.forTicket(actor, seed.id, SUGGESTION_LIMITS.perCluster, { statuses: OPEN_STATUSES });
      const linked = await this.repository.linked(found.map((f) => f.ticketId));
      const others = found.filter((f) => !used.has(f.ticketId) && !linked.has(f.ticketId));
      if (others.length === 0) continue;
      const [self] = await this.similar.describe(actor, [seed.id]);
      if (!self) continue;
      const tickets: SuggestedTicket[] = [{ ...self, score: 1 }, ...others];
      const zoneCount = new Set(tickets.map((t) => t.zoneId)).size;
      if (zoneCount < 2) continue;
      for (const t of tickets) used.add(t.ticketId);
      suggestions.push({ title: seed.title, zoneCount, tickets });
    }
    return suggestions;
  }
}
