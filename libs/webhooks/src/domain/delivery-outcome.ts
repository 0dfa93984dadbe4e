/** What one attempt came to, as the transport saw it. */
export type AttemptResult =
  | { kind: 'response'; status: number; excerpt: string; retryAfterMs: number | null }
  /** The destination failed the address check after resolution: nothing was connected to. */
  | { kind: 'refused'; message: string }
  /** No answer: connection error, TLS failure, timeout. */
  | { kind: 'failed'; message: string };

export type DeliveryVerdict =
  | { status: 'delivered' }
  | { status: 'failed'; disableEndpoint: string | null }
  | { status: 'pending'; retryInMs: number };

export interface RetryPolicy {
  maxAttempts: number;
  backoffMs: number;
}

export interface JudgedAttempt {
  verdict: DeliveryVerdict;
  statusCode: number | null;
  error: string | null;
  excerpt: string | null;
}

/** A receiver's Retry-After is honoured up to this; beyond it our own schedule decides. */
export const MAX_RETRY_AFTER_MS = 3_600_000;
const MAX_DELAY_MS = 24 * 3_600_000;

/**
 * Standard Webhooks' status handling: 2xx delivered; 3xx a failure (redirects are never
 * followed: the URL should be updated instead); 410 Gone means "stop sending" and disables
 * the endpoint; anything else, a timeout or a connection error is retried with exponential
 * backoff (plus up to 10 % jitter, so that a failing receiver's retries do not arrive in
 * lockstep) until `maxAttempts`. A destination refused at send time is not retried: an
 * address that became private will not become public by waiting.
 */
export function judgeAttempt(result: AttemptResult, attempts: number, policy: RetryPolicy, random: () => number = Math.random): JudgedAttempt {
  if (result.kind === 'refused') return { verdict: { status: 'failed', disableEndpoint: null }, statusCode: null, error: result.message, excerpt: null };
  const statusCode = result.kind === 'response' ? result.status : null;
  const excerpt = result.kind === 'response' ? result.excerpt : null;
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) return { verdict: { status: 'delivered' }, statusCode, error: null, excerpt };
  if (statusCode === 410) {
    const error = '接收方返回 HTTP 410 Gone，该端点已停用';
    return { verdict: { status: 'failed', disableEndpoint: error }, statusCode, error, excerpt };
  }
  const error = result.kind === 'failed' ? result.message : failureText(result.status);
  if (attempts >= policy.maxAttempts) return { verdict: { status: 'failed', disableEndpoint: null }, statusCode, error, excerpt };
  const retryAfterMs = result.kind === 'response' ? result.retryAfterMs : null;
  return { verdict: { status: 'pending', retryInMs: retryDelayMs(attempts, policy.backoffMs, retryAfterMs, random) }, statusCode, error, excerpt };
}

/** The wait after attempt number `attempts` (1-based) failed. */
export function retryDelayMs(attempts: number, backoffMs: number, retryAfterMs: number | null, random: () => number = Math.random): number {
  const exponential = Math.min(backoffMs * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  const jittered = Math.round(exponential * (1 + 0.1 * random()));
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
}

/** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (!value) return null;
  if (/^\d{1,9}$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

function failureText(status: number): string {
  if (status >= 300 && status < 400) return `接收方返回重定向 HTTP ${status}，重定向不会被跟随，请改用最终地址`;
  return `接收方返回 HTTP ${status}`;
}
