import { ascending, capList, descending, leftOut, mergeCapped } from './capped';

interface Item {
  id: string;
  at: Date | null;
}

const item = (id: string, at: string | null): Item => ({ id, at: at ? new Date(at) : null });

describe('capped lists', () => {
  it.each([
    [0, 10, 0, 0],
    [3, 10, 3, 0],
    [10, 10, 10, 0],
    [11, 10, 10, 1],
    [25, 10, 10, 15],
  ])('%i items capped at %i keep %i and leave %i out', (n, cap, kept, left) => {
    const list = capList(Array.from({ length: n }, (_, i) => i), cap);
    expect(list.items).toHaveLength(kept);
    expect(list.total).toBe(n);
    expect(leftOut(list)).toBe(left);
  });

  it('merges per-desk lists into the first items of the union, totals added', () => {
    const order = ascending<Item>((x) => x.at);
    const a = { total: 7, items: [item('a1', '2026-11-16T01:00:00Z'), item('a2', '2026-11-18T01:00:00Z')] };
    const b = { total: 2, items: [item('b1', '2026-11-17T01:00:00Z'), item('b2', null)] };
    const merged = mergeCapped([a, b], order, 3);
    expect(merged.total).toBe(9);
    expect(merged.items.map((x) => x.id)).toEqual(['a1', 'b1', 'a2']);
    expect(leftOut(merged)).toBe(6);
  });

  it('orders like SQL: ascending puts nulls last, descending puts them first, ties by id', () => {
    const items = [item('c', null), item('b', '2026-11-16T00:00:00Z'), item('a', '2026-11-16T00:00:00Z'), item('d', '2026-11-20T00:00:00Z')];
    expect([...items].sort(ascending((x) => x.at)).map((x) => x.id)).toEqual(['a', 'b', 'd', 'c']);
    expect([...items].sort(descending((x) => x.at)).map((x) => x.id)).toEqual(['c', 'd', 'a', 'b']);
  });
});
