/**
 * Why a JWT_SECRET is too weak for production, or null. Every token, signed link and
 * unsubscribe key derives from it, so a guessable one hands out any account.
 * The rules are deliberately simple: length, the values people paste from examples, and a
 * character-level entropy estimate that catches `aaaa…` and `abab…` (a random secret of 32
 * hex characters or more passes with room to spare).
 */
export function jwtSecretWeakness(secret: string): string | null {
  if (Buffer.byteLength(secret, 'utf8') < MIN_BYTES) return `must be at least ${MIN_BYTES} bytes`;
  if (isKnownDefault(secret)) return 'is a published example or default value; generate one, e.g. `openssl rand -base64 48`';
  if (new Set(secret).size < MIN_DISTINCT || entropyBits(secret) < MIN_ENTROPY_BITS || repeatsPattern(secret)) {
    return 'has too little entropy (too few distinct characters or a repeated pattern); generate one, e.g. `openssl rand -base64 48`';
  }
  return null;
}

const MIN_BYTES = 32;
const MIN_DISTINCT = 8;
/** 32 random hex characters estimate at ~95–128 bits; `changeme` repeated at ~100 but is caught above. */
const MIN_ENTROPY_BITS = 80;

/** Compared without case, punctuation or digits, so `Change-Me-2026!` is still `changeme`. */
const KNOWN_DEFAULTS = ['secret', 'jwtsecret', 'secretkey', 'mysecret', 'supersecret', 'password', 'changeme', 'changethis', 'replaceme', 'yoursecret', 'yourjwtsecret', 'default', 'enterpark', 'test', 'testsecret', 'example'];
const KNOWN_PREFIXES = ['changeme', 'changethis', 'replaceme', 'yoursecret', 'yourjwtsecret', 'pleasechange', 'insertsecret', 'setyour'];

function isKnownDefault(secret: string): boolean {
  const letters = secret.toLowerCase().replace(/[^a-z]/g, '');
  if (KNOWN_PREFIXES.some((p) => letters.startsWith(p))) return true;
  // `secretsecretsecret…`, `test-secret-test-secret-…`: one default word, repeated.
  return KNOWN_DEFAULTS.some((word) => letters.length > 0 && letters.replaceAll(word, '') === '');
}

/** Shannon entropy of the character distribution times the length: a crude upper bound, enough to refuse the obvious. */
export function entropyBits(secret: string): number {
  const chars = [...secret];
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) perChar -= (n / chars.length) * Math.log2(n / chars.length);
  return perChar * chars.length;
}

/** The whole secret is a shorter string repeated (`0123456789abcdef` twice), which the estimate above cannot see. */
function repeatsPattern(secret: string): boolean {
  for (let period = 1; period <= secret.length / 2; period++) {
    let repeats = true;
    for (let i = period; i < secret.length && repeats; i++) repeats = secret[i] === secret[i - period];
    if (repeats) return true;
  }
  return false;
}
