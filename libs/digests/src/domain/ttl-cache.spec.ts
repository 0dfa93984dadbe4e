import { TtlCache } from './ttl-cache';

describe('the digest aggregate cache', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 0));

  it('computes once per key while fresh and shares a computation in flight', async () => {
    const cache = new TtlCache<number>(1000, 10, clock);
    let calls = 0;
    const compute = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 5));
    const [a, b] = await Promise.all([cache.get('k', compute), cache.get('k', compute)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    now = 999;
    expect(await cache.get('k', compute)).toBe(1);
    now = 1000;
    expect(await cache.get('k', compute)).toBe(2);
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const cache = new TtlCache<string>(1000, 2, clock);
    for (const k of ['a', 'b', 'c']) await cache.get(k, async () => k);
    expect(cache.size).toBe(2);
    let recomputed = false;
    await cache.get('a', async () => ((recomputed = true), 'a'));
    expect(recomputed).toBe(true);
  });

  it('does not keep a failure', async () => {
    const cache = new TtlCache<string>(1000, 2, clock);
    await expect(cache.get('k', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('k', async () => 'ok')).toBe('ok');
  });
});
