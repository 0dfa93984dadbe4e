/**
 * A small in-process cache of computations by key, each kept for `ttlMs` and at most
 * `maxEntries` of them (the oldest goes first). It keeps the promise, so callers asking while
 * the first computation runs share it; a failed computation is dropped, not cached.
 */
export class TtlCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const at = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > at) return hit.value;
    if (hit) this.entries.delete(key);
    const value = compute();
    this.entries.set(key, { value, expiresAt: at + this.ttlMs });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
