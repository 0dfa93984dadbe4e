import { InvalidInputError } from '@enterpark/common';

export const RANKING_DIMENSIONS = ['zone', 'desk', 'provider'] as const;
export type RankingDimension = (typeof RANKING_DIMENSIONS)[number];

/** How much each rate counts in the score; they add up to 1. `returns` weighs 1 − returnRate. */
export interface RankingWeights {
  completion: number;
  onTime: number;
  satisfaction: number;
  returns: number;
}

export const DEFAULT_RANKING_WEIGHTS: RankingWeights = { completion: 0.3, onTime: 0.3, satisfaction: 0.3, returns: 0.1 };
const WEIGHT_KEYS = Object.keys(DEFAULT_RANKING_WEIGHTS) as (keyof RankingWeights)[];

/** The counts one zone, desk or provider had over the period, as read from the tickets. */
export interface RankingCounts {
  id: string;
  name: string;
  /** Tickets submitted in the period, cancelled ones left out. */
  submitted: number;
  /** Of those, completed or closed now. */
  completed: number;
  /** Of the completed, those that never breached an SLA stage. */
  completedOnTime: number;
  /** Of the submitted, those the zone confirmed (with a rating). */
  confirmations: number;
  /** Of the confirmations, those rated 4 or 5. */
  satisfied: number;
  /** Of the submitted, those a desk ever returned (退单). */
  returned: number;
  /** Working days from submission to completion of each completed ticket (null: no calendar for a year it spans). */
  workingDays: (number | null)[];
}

export interface RankingItem {
  id: string;
  name: string;
  submitted: number;
  completed: number;
  completionRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  returnRate: number | null;
  avgWorkingDays: number | null;
  /** 0–100; null when no rate has a denominator. */
  score: number | null;
  /** 1 is best; equal scores share a rank (1, 1, 3); null when unscored. */
  rank: number | null;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? round(part / whole, 4) : null);
const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * 100 × the weighted sum of the rates. A rate without a denominator (no completion to judge
 * on time, no confirmation to judge satisfaction) is left out and the weights of those present
 * are scaled back up to 1: a zone is neither punished nor rewarded for what has not happened.
 */
export function rankingScore(rates: Pick<RankingItem, 'completionRate' | 'onTimeRate' | 'satisfactionRate' | 'returnRate'>, weights: RankingWeights): number | null {
  const terms: [number, number | null][] = [
    [weights.completion, rates.completionRate],
    [weights.onTime, rates.onTimeRate],
    [weights.satisfaction, rates.satisfactionRate],
    [weights.returns, rates.returnRate === null ? null : 1 - rates.returnRate],
  ];
  const present = terms.filter(([w, r]) => r !== null && w > 0) as [number, number][];
  const weight = present.reduce((s, [w]) => s + w, 0);
  if (weight === 0) return null;
  return round((100 * present.reduce((s, [w, r]) => s + w * r, 0)) / weight, 1);
}

function itemOf(c: RankingCounts, weights: RankingWeights): Omit<RankingItem, 'rank'> {
  const days = c.workingDays.filter((d): d is number => d !== null);
  const rates = {
    completionRate: ratio(c.completed, c.submitted),
    onTimeRate: ratio(c.completedOnTime, c.completed),
    satisfactionRate: ratio(c.satisfied, c.confirmations),
    returnRate: ratio(c.returned, c.submitted),
  };
  return {
    id: c.id,
    name: c.name,
    submitted: c.submitted,
    completed: c.completed,
    ...rates,
    avgWorkingDays: days.length > 0 ? round(days.reduce((s, d) => s + d, 0) / days.length, 2) : null,
    score: rankingScore(rates, weights),
  };
}

/** The counts of several groups together (the province's line), under one name. */
export function totalOf(counts: readonly RankingCounts[], id: string, name: string): RankingCounts {
  const sum = (key: 'submitted' | 'completed' | 'completedOnTime' | 'confirmations' | 'satisfied' | 'returned') => counts.reduce((s, c) => s + c[key], 0);
  return {
    id,
    name,
    submitted: sum('submitted'),
    completed: sum('completed'),
    completedOnTime: sum('completedOnTime'),
    confirmations: sum('confirmations'),
    satisfied: sum('satisfied'),
    returned: sum('returned'),
    workingDays: counts.flatMap((c) => c.workingDays),
  };
}

/** One group's line, unranked (the province's total). */
export function figuresOf(counts: RankingCounts, weights: RankingWeights): RankingItem {
  return { ...itemOf(counts, weights), rank: null };
}

/** Best score first; equal scores share the rank of the first of them; unscored last, by name. */
export function rankItems(counts: readonly RankingCounts[], weights: RankingWeights): RankingItem[] {
  const items = counts.map((c) => itemOf(c, weights));
  items.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : 1));
  return items.map((item, i) => {
    const first = items.findIndex((other) => other.score === item.score);
    return { ...item, rank: item.score === null ? null : (first === -1 ? i : first) + 1 };
  });
}

/** Each weight within 0..1 with at most 3 decimals, together exactly 1. */
export function checkRankingWeights(weights: RankingWeights): RankingWeights {
  for (const key of WEIGHT_KEYS) {
    const w = weights[key];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0 || w > 1 || round(w, 3) !== w) {
      throw InvalidInputError.field(key, 'range', `${key} 须为 0 到 1 之间的数，最多三位小数`);
    }
  }
  const sum = round(WEIGHT_KEYS.reduce((s, k) => s + weights[k], 0), 6);
  if (sum !== 1) throw InvalidInputError.field('weights', 'sumIsOne', `各项权重之和须为 1（现为 ${sum}）`);
  return weights;
}
