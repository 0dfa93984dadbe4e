import { TermDocument } from './segmenter';
import { CONCEPT_PREFIX } from './thesaurus';

/**
 * How demands are compared: cosine similarity of TF-IDF vectors with binary term frequency, a
 * term weighing `field × idf × concept`. Chosen on the labelled set's tuning part (README).
 */
export const SIMILARITY = {
  /** A title or tag term weighs this much more than a description term. */
  titleWeight: 2,
  /** A thesaurus concept weighs this much more than a word of the same rarity. */
  conceptWeight: 1.5,
  /** Below this cosine two demands are not shown as similar. */
  floor: 0.1,
  /** The index reads the candidates of these rarest (by weight) terms in full, up to this many postings. */
  postingsBudget: 3000,
  /** Terms too common for the budget are paired: a candidate then shares two of the heaviest few. */
  pairedTerms: 3,
  /** At most this many candidates are scored in the database. */
  candidateCap: 600,
  /** The best this many by the database's estimate are scored exactly. */
  rescored: 60,
  /** With a filter the caller's reach applies after the estimate, so more are kept for it. */
  rescoredFiltered: 240,
} as const;

/** The document count is stored as the frequency of this term, which no text can produce. */
export const DOCUMENT_COUNT_TERM = '';

export type Frequencies = ReadonlyMap<string, number>;

/** BM25's IDF (never negative): a term in every document still weighs a little. */
export function idf(documentFrequency: number, documents: number): number {
  const df = Math.min(Math.max(documentFrequency, 0), documents);
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

export function isConcept(term: string): boolean {
  return term.startsWith(CONCEPT_PREFIX);
}

/** The weight of each term of a document; a term not in `frequencies` counts as unseen (df 0). */
export function weigh(doc: TermDocument, frequencies: Frequencies): Map<string, number> {
  const documents = Math.max(frequencies.get(DOCUMENT_COUNT_TERM) ?? 0, 1);
  const weights = new Map<string, number>();
  doc.terms.forEach((term, i) => {
    const field = i < doc.titleTerms ? SIMILARITY.titleWeight : 1;
    const concept = isConcept(term) ? SIMILARITY.conceptWeight : 1;
    weights.set(term, field * concept * idf(frequencies.get(term) ?? 0, documents));
  });
  return weights;
}

function norm(weights: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const w of weights.values()) sum += w * w;
  return Math.sqrt(sum);
}

/** Cosine similarity of two weighted documents, in [0, 1]. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : dot / denominator;
}

export interface RetrievalPlan {
  /** Candidates containing any of these are read in full (their postings fit the budget). */
  anyOf: string[];
  /** Candidates containing both terms of a pair (heavy terms too common to read alone). */
  pairs: [string, string][];
}

/**
 * Which postings to read: the heaviest query terms first, each while the postings read so far
 * stay within the budget (on a small corpus that is every term); of the heaviest terms left
 * over, every pair. A candidate must share a rare term or two common heavy ones.
 */
export function retrievalPlan(query: ReadonlyMap<string, number>, frequencies: Frequencies): RetrievalPlan {
  const byWeight = [...query.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([term]) => term);
  const anyOf: string[] = [];
  const common: string[] = [];
  let postings = 0;
  for (const term of byWeight) {
    const df = frequencies.get(term) ?? 0;
    if (postings + df <= SIMILARITY.postingsBudget) {
      anyOf.push(term);
      postings += df;
    } else if (common.length < SIMILARITY.pairedTerms) {
      common.push(term);
    }
  }
  const pairs: [string, string][] = [];
  for (let i = 0; i < common.length; i++) for (let j = i + 1; j < common.length; j++) pairs.push([common[i], common[j]]);
  return { anyOf, pairs };
}

export interface Scored<T> {
  item: T;
  score: number;
}

/**
 * The candidates at or above the floor, most similar first (ties keep the candidates' order):
 * the same measure as the ticket index, for small collections ranked in memory (templates).
 */
export function rankBySimilarity<T>(query: TermDocument, candidates: readonly T[], documentOf: (c: T) => TermDocument, frequencies: Frequencies, limit: number): Scored<T>[] {
  const q = weigh(query, frequencies);
  return candidates
    .map((item) => ({ item, score: cosine(q, weigh(documentOf(item), frequencies)) }))
    .filter((s) => s.score >= SIMILARITY.floor)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** Document frequencies of an in-memory collection (with its document count). */
export function frequenciesOf(documents: readonly TermDocument[]): Map<string, number> {
  const frequencies = new Map<string, number>([[DOCUMENT_COUNT_TERM, documents.length]]);
  for (const doc of documents) for (const term of doc.terms) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
  return frequencies;
}
