export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface AllPages<T> {
  items: T[];
  /** false: there were more than `max`; `items` is not everything. */
  complete: boolean;
}

/**
 * Reads a cursor-paged list page after page, up to `max` items: for pickers (zones, users) and
 * for figures the API does not compute itself, where the caller says when the read was cut short.
 */
export async function readAllPages<T>(page: (cursor: string | undefined) => Promise<Page<T>>, max = Number.POSITIVE_INFINITY): Promise<AllPages<T>> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    items.push(...next.items);
    cursor = next.nextCursor ?? undefined;
  } while (cursor && items.length < max);
  return { items, complete: !cursor };
}
