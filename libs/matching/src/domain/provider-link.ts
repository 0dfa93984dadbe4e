import { createHmac, timingSafeEqual } from 'node:crypto';

/** `<expiry in epoch seconds>.<HMAC-SHA256 base64url>`; the match id is the URL's, not the token's. */
const TOKEN = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

export type LinkVerdict = { valid: true; expiresAt: Date } | { valid: false; reason: 'invalid' | 'expired' };

function mac(key: Buffer, matchId: string, expiresAtEpoch: number): Buffer {
  return createHmac('sha256', key).update(`${matchId.toLowerCase()}.${expiresAtEpoch}`).digest();
}

/** A provider's answer link for one match, valid until `expiresAt` (whole seconds). */
export function signProviderLink(key: Buffer, matchId: string, expiresAt: Date): string {
  const epoch = Math.floor(expiresAt.getTime() / 1000);
  return `${epoch}.${mac(key, matchId, epoch).toString('base64url')}`;
}

/** Signature first (a forged or foreign token learns nothing, not even whether it expired), then expiry. */
export function verifyProviderLink(key: Buffer, matchId: string, token: string, now: Date): LinkVerdict {
  const parts = TOKEN.exec(token);
  if (!parts) return { valid: false, reason: 'invalid' };
  const epoch = Number(parts[1]);
  // Compared as text: base64url decoding ignores the last character's low bits, the text does not.
  const given = Buffer.from(parts[2], 'ascii');
  const expected = Buffer.from(mac(key, matchId, epoch).toString('base64url'), 'ascii');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { valid: false, reason: 'invalid' };
  const expiresAt = new Date(epoch * 1000);
  return now < expiresAt ? { valid: true, expiresAt } : { valid: false, reason: 'expired' };
}
