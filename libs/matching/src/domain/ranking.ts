import { ServiceType } from '@enterpark/common';
import { ServiceProvider } from './service-provider';

/** What a ticket needs from a provider: its type, its tags and where its zone is. */
export interface MatchNeed {
  type: ServiceType;
  tags: readonly string[];
  city: string;
  province: string;
}

export type RankableProvider = Pick<
  ServiceProvider,
  'id' | 'active' | 'serviceTypes' | 'capacity' | 'activeMatches' | 'cities' | 'province' | 'tags' | 'ratingSum' | 'ratingCount'
>;

/** Why a candidate ranks where it does; stored on the match row and carried by ticket.match_proposed. */
export interface MatchReasons {
  /** 2: serves the zone's city; 1: same province; 0: elsewhere. */
  regionFit: 0 | 1 | 2;
  /** How many of the ticket's tags the provider lists. */
  tagOverlap: number;
  /** Bayesian mean of its ratings (a new provider starts at the prior). */
  rating: number;
  /** Open matches / capacity when ranked. */
  load: number;
}

export interface RankedCandidate {
  providerId: string;
  reasons: MatchReasons;
}

/** Two virtual ratings of 3: one 5-star rating does not put a newcomer above a proven provider. */
export const RATING_PRIOR = { mean: 3, weight: 2 } as const;

export function bayesianRating(ratingSum: number, ratingCount: number): number {
  return (ratingSum + RATING_PRIOR.mean * RATING_PRIOR.weight) / (ratingCount + RATING_PRIOR.weight);
}

/** Active, serves the type, has a free place, and was never proposed for this ticket (a decliner is not asked again). */
export function isCandidate(provider: RankableProvider, need: MatchNeed, alreadyProposed: ReadonlySet<string>): boolean {
  return (
    provider.active &&
    provider.serviceTypes.includes(need.type) &&
    provider.activeMatches < provider.capacity &&
    !alreadyProposed.has(provider.id)
  );
}

export function regionFit(provider: RankableProvider, need: MatchNeed): 0 | 1 | 2 {
  if (provider.cities.includes(need.city)) return 2;
  return provider.province === need.province ? 1 : 0;
}

export function tagOverlap(provider: RankableProvider, need: MatchNeed): number {
  const offered = new Set(provider.tags.map(normalTag));
  return new Set(need.tags.map(normalTag).filter((t) => offered.has(t))).size;
}

/**
 * The candidates best first, lexicographically: region fit, tag overlap, rating (higher
 * first), load (lower first), then id, so that the order is total and reproducible.
 * Ratings and loads are compared as exact fractions, never as rounded floats.
 */
export function rankCandidates(need: MatchNeed, providers: readonly RankableProvider[], alreadyProposed: ReadonlySet<string>): RankedCandidate[] {
  const scored = providers
    .filter((p) => isCandidate(p, need, alreadyProposed))
    .map((p) => ({ p, region: regionFit(p, need), tags: tagOverlap(p, need) }));
  scored.sort(
    (a, b) =>
      b.region - a.region ||
      b.tags - a.tags ||
      compareRating(b.p, a.p) ||
      compareLoad(a.p, b.p) ||
      (a.p.id < b.p.id ? -1 : a.p.id > b.p.id ? 1 : 0),
  );
  return scored.map(({ p, region, tags }) => ({
    providerId: p.id,
    reasons: { regionFit: region, tagOverlap: tags, rating: round(bayesianRating(p.ratingSum, p.ratingCount), 2), load: round(p.activeMatches / p.capacity, 4) },
  }));
}

function compareRating(a: RankableProvider, b: RankableProvider): number {
  const { mean, weight } = RATING_PRIOR;
  return Math.sign((a.ratingSum + mean * weight) * (b.ratingCount + weight) - (b.ratingSum + mean * weight) * (a.ratingCount + weight));
}

function compareLoad(a: RankableProvider, b: RankableProvider): number {
  return Math.sign(a.activeMatches * b.capacity - b.activeMatches * a.capacity);
}

function normalTag(tag: string): string {
  return tag.trim().toLowerCase();
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
