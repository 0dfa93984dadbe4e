import { createHmac, timingSafeEqual } from 'node:crypto';
import { MAIL_CATEGORIES, MailCategory } from '../mail-draft';

/**
 * `<user id>.<category>.<HMAC-SHA256 base64url>`: the MAC covers both, so a token opts out
 * one user from one category and nothing else. No expiry: an unsubscribe link in an old
 * message must keep working (RFC 8058 expects that), and all it can do is switch mail off.
 */
const TOKEN = new RegExp(`^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.(${MAIL_CATEGORIES.join('|')})\\.([A-Za-z0-9_-]{43})$`);

function mac(key: Buffer, userId: string, category: MailCategory): string {
  return createHmac('sha256', key).update(`unsubscribe\n${userId.toLowerCase()}\n${category}`).digest('base64url');
}

export function signUnsubscribeToken(key: Buffer, userId: string, category: MailCategory): string {
  return `${userId.toLowerCase()}.${category}.${mac(key, userId, category)}`;
}

export function verifyUnsubscribeToken(key: Buffer, token: string): { userId: string; category: MailCategory } | null {
  const parts = TOKEN.exec(token);
  if (!parts) return null;
  const [, userId, category] = parts as unknown as [string, string, MailCategory];
  // Compared as text: base64url decoding ignores the last character's low bits, the text does not.
  const given = Buffer.from(parts[3], 'ascii');
  const expected = Buffer.from(mac(key, userId, category), 'ascii');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, category };
}
