/** A list cut to its first items; `total` counts them all (the "另有 N 项" of a digest). */
export interface Capped<T> {
  total: number;
  items: T[];
}


/** The first `cap` items of a full list, with its total. */
export function capList<T>(items: readonly T[], cap: number): Capped<T> {
  return { total: items.length, items: items.slice(0, cap) };
}

/** How many a capped list left out: the N of "另有 N 项". */
export function leftOut(list: Capped<unknown>): number {
  return Math.max(0, list.total - list.items.length);
}

/**
 * Merges lists that were each cut to their first `cap` items under the same order: the
 * first `cap` of the union are among them, and the totals add up (the lists are disjoint:
 * a ticket sits at one desk).
 */
export function mergeCapped<T>(lists: readonly Capped<T>[], compare: (a: T, b: T) => number, cap: number): Capped<T> {
  const items = lists.flatMap((l) => l.items).sort(compare);
  return { total: lists.reduce((sum, l) => sum + l.total, 0), items: items.slice(0, cap) };
}

type Key<T> = (item: T) => Date | number | string | null;

function valueOf(v: Date | number | string | null): number | string | null {
  return v instanceof Date ? v.getTime() : v;
}

function compareValues(a: number | string | null, b: number | string | null): number {
  if (a === b) return 0;
  if (a === null) return 1; // nulls last, as PostgreSQL orders ascending
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Ascending by `key` (nulls last), then by id: the order `ORDER BY key, id` gives in SQL. */
export function ascending<T extends { id: string }>(key: Key<T>): (a: T, b: T) => number {
  return (a, b) => compareValues(valueOf(key(a)), valueOf(key(b))) || compareValues(a.id, b.id);
}

/** Descending by `key` (nulls first, as `ORDER BY key DESC, id` gives), then by id. */
export function descending<T extends { id: string }>(key: Key<T>): (a: T, b: T) => number {
  return (a, b) => compareValues(valueOf(key(b)), valueOf(key(a))) || compareValues(a.id, b.id);
}
