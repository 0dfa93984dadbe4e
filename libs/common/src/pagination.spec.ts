import { DomainError } from './domain-error';
import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('cursor pagination', () => {
  const position = { createdAt: '2026-11-21T02:00:00.000Z', id: '00000000-0000-4000-8000-000000000001' };

  it('round-trips a position', () => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    '',
    'garbage',
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('["not a date","x"]').toString('base64url'),
    Buffer.from('["1","00000000-0000-4000-8000-000000000001"]').toString('base64url'),
    Buffer.from('["2026-11-21T02:00:00.000Z","not-a-uuid"]').toString('base64url'),
  ])(
    'refuses the cursor %j as invalid input naming the field',
    (cursor) => {
      try {
        decodeCursor(cursor);
        throw new Error('accepted');
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).details).toEqual([expect.objectContaining({ field: 'cursor', rule: 'isCursor' })]);
      }
    },
  );

  it('gives a next cursor only when there is one more row than the limit', () => {
    const rows = [1, 2, 3].map((n) => ({ createdAt: position.createdAt, id: `00000000-0000-4000-8000-00000000000${n}` }));
    expect(toPage(rows.slice(0, 2), 2, (r) => r)).toEqual({ items: rows.slice(0, 2), nextCursor: null });
    const page = toPage(rows, 2, (r) => r);
    expect(page.items).toHaveLength(2);
    expect(decodeCursor(page.nextCursor!)).toEqual(rows[1]);
  });
});
