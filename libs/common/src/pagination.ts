import { InvalidInputError } from './domain-error';
import { isUuid } from './ids';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
}

/**
 * Keyset cursor over (createdAt desc, id desc): stable under inserts, no OFFSET scans.
 * Opaque to clients (base64url JSON); a tampered cursor is a 400, not a 500.
 */
export interface KeysetPosition {
  createdAt: string;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    // Only what encodeCursor could have made: a canonical ISO instant and a UUID.
    const canonical = typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt)) && new Date(createdAt).toISOString() === createdAt;
    if (canonical && isUuid(id)) {
      return { createdAt, id };
    }
  } catch {
    // fall through to the error below
  }
  throw InvalidInputError.field('cursor', 'isCursor', 'cursor 无效');
}

/** Callers fetch `limit + 1` rows; the extra row only tells whether there is a next page. */
export function toPage<T>(rows: T[], limit: number, positionOf: (row: T) => KeysetPosition): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(positionOf(last)) : null,
  };
}
