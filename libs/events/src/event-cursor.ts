import { InvalidInputError } from '@enterpark/common';

/**
 * A place in the event feed: the (transaction id, seq) of the last event read. Both are
 * decimal strings, since xid8 and bigint outgrow a JS number.
 */
export interface FeedPosition {
  txId: string;
  seq: string;
}

/** Before every event: where a reader without a cursor starts. */
export const FEED_START: FeedPosition = { txId: '0', seq: '0' };

const XID8_MAX = 2n ** 64n - 1n;
const BIGINT_MAX = 2n ** 63n - 1n;
const DECIMAL = /^(0|[1-9][0-9]{0,19})$/;
const BASE64URL = /^[A-Za-z0-9_-]{1,200}$/;

/** Opaque to clients: base64url of the JSON pair. */
export function encodeFeedCursor(position: FeedPosition): string {
  return Buffer.from(JSON.stringify([position.txId, position.seq])).toString('base64url');
}

/** Only what encodeFeedCursor could have made; anything else is a 400 naming `after`. */
export function decodeFeedCursor(cursor: string): FeedPosition {
  const position = parse(cursor);
  if (!position) throw InvalidInputError.field('after', 'isCursor', 'after 无效，请使用上一次返回的 nextCursor');
  return position;
}

export function isFeedCursor(value: unknown): boolean {
  return typeof value === 'string' && parse(value) !== null;
}

/** The later of two positions, in feed order. */
export function laterPosition(a: FeedPosition, b: FeedPosition): FeedPosition {
  const tx = BigInt(a.txId) - BigInt(b.txId);
  if (tx !== 0n) return tx > 0n ? a : b;
  return BigInt(a.seq) >= BigInt(b.seq) ? a : b;
}

function parse(cursor: string): FeedPosition | null {
  if (!BASE64URL.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [txId, seq] = value as unknown[];
  if (!inRange(txId, XID8_MAX) || !inRange(seq, BIGINT_MAX)) return null;
  const position = { txId, seq };
  // Canonical form only: another spelling of the same bytes (padding, trailing bits) is refused.
  return encodeFeedCursor(position) === cursor ? position : null;
}

function inRange(value: unknown, max: bigint): value is string {
  return typeof value === 'string' && DECIMAL.test(value) && BigInt(value) <= max;
}
