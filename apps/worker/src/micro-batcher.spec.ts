import { MicroBatcher } from './micro-batcher';

describe('MicroBatcher', () => {
  it('flushes items added together as one batch', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number>(async (items) => void batches.push(items), 10, 5);
    await Promise.all([1, 2, 3].map((n) => batcher.add(n)));
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('flushes at once when the batch is full', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number>(async (items) => void batches.push(items), 2, 10_000);
    await Promise.all([1, 2].map((n) => batcher.add(n)));
    expect(batches).toEqual([[1, 2]]);
  });

  it('retries a failed batch item by item so only the bad item fails', async () => {
    const batcher = new MicroBatcher<number>(async (items) => {
      if (items.includes(2)) throw new Error('bad item');
    }, 10, 5);
    const results = await Promise.allSettled([1, 2, 3].map((n) => batcher.add(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('gives each item its own result', async () => {
    const batcher = new MicroBatcher<number, string>(async (items) => items.map((n) => `#${n}`), 10, 5);
    expect(await Promise.all([1, 2, 3].map((n) => batcher.add(n)))).toEqual(['#1', '#2', '#3']);
  });
});
