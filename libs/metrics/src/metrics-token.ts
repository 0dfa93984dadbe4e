import { timingSafeEqual } from 'node:crypto';

/**
 * Whether an Authorization header carries `Bearer <expected>`; with no expected token
 * (METRICS_TOKEN unset) every scrape is allowed, as Prometheus's default is no auth.
 */
export function bearerMatches(authorization: string | undefined, expected: string | undefined): boolean {
  if (!expected) return true;
  const [scheme, token] = (authorization ?? '').split(' ');
  if (scheme !== 'Bearer' || !token) return false;
  const a = Buffer.from(token);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
