import { decodeFeedCursor, encodeFeedCursor, FEED_START, FeedPosition, isFeedCursor, laterPosition } from './event-cursor';

const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('the event feed cursor', () => {
  it.each<[string, FeedPosition]>([
    ['the start', FEED_START],
    ['an ordinary position', { txId: '748', seq: '12' }],
    ['the largest xid8 and bigint', { txId: '18446744073709551615', seq: '9223372036854775807' }],
  ])('round-trips %s', (_, position) => {
    const cursor = encodeFeedCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeFeedCursor(cursor)).toEqual(position);
  });

  it.each<[string, string]>([
    ['empty', ''],
    ['not base64url', 'abc$%'],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['an object', raw({ txId: '1', seq: '2' })],
    ['one element', raw(['1'])],
    ['three elements', raw(['1', '2', '3'])],
    ['numbers instead of strings', raw([1, 2])],
    ['a negative seq', raw(['1', '-2'])],
    ['a leading zero', raw(['01', '2'])],
    ['a fraction', raw(['1.5', '2'])],
    ['an xid8 past 2^64-1', raw(['18446744073709551616', '1'])],
    ['a seq past 2^63-1', raw(['1', '9223372036854775808'])],
    ['padded base64', `${raw(['1', '2'])}=`],
    ['standard base64 alphabet', Buffer.from(JSON.stringify(['1', '2'])).toString('base64').replace(/=+$/, '') + '+'],
    ['a list cursor (createdAt, id)', raw(['2026-11-02T01:00:00.000Z', '00000000-0000-4000-8000-000000000001'])],
    ['far too long', 'A'.repeat(500)],
  ])('refuses %s with a 400 naming `after`', (_, cursor) => {
    expect(isFeedCursor(cursor)).toBe(false);
    expect(() => decodeFeedCursor(cursor)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', details: [expect.objectContaining({ field: 'after', rule: 'isCursor' })] }));
  });

  it.each<[FeedPosition, FeedPosition, FeedPosition]>([
    [{ txId: '5', seq: '1' }, { txId: '4', seq: '99' }, { txId: '5', seq: '1' }],
    [{ txId: '5', seq: '1' }, { txId: '5', seq: '2' }, { txId: '5', seq: '2' }],
    [{ txId: '18446744073709551615', seq: '0' }, { txId: '18446744073709551614', seq: '9' }, { txId: '18446744073709551615', seq: '0' }],
  ])('orders by transaction, then seq: later of %j and %j is %j', (a, b, later) => {
    expect(laterPosition(a, b)).toEqual(later);
    expect(laterPosition(b, a)).toEqual(later);
  });
});
