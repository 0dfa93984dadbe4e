import { AttemptResult, judgeAttempt, parseRetryAfter, retryDelayMs } from './delivery-outcome';

const policy = { maxAttempts: 3, backoffMs: 1000 };
const response = (status: number, retryAfterMs: number | null = null): AttemptResult => ({ kind: 'response', status, excerpt: 'ok', retryAfterMs });
const noJitter = () => 0;

describe('judgeAttempt', () => {
  it.each([200, 201, 204, 299])('HTTP %i is delivered', (status) => {
    expect(judgeAttempt(response(status), 1, policy, noJitter)).toEqual({ verdict: { status: 'delivered' }, statusCode: status, error: null, excerpt: 'ok' });
  });

  it.each([
    [301, '重定向'],
    [302, '重定向'],
    [307, '重定向'],
    [400, 'HTTP 400'],
    [404, 'HTTP 404'],
    [500, 'HTTP 500'],
    [503, 'HTTP 503'],
  ])('HTTP %i is retried with backoff while attempts remain', (status, text) => {
    const judged = judgeAttempt(response(status), 2, policy, noJitter);
    expect(judged.verdict).toEqual({ status: 'pending', retryInMs: 2000 });
    expect(judged.statusCode).toBe(status);
    expect(judged.error).toContain(text);
  });

  it('fails after the last attempt', () => {
    expect(judgeAttempt(response(500), 3, policy, noJitter).verdict).toEqual({ status: 'failed', disableEndpoint: null });
    expect(judgeAttempt({ kind: 'failed', message: '请求超时' }, 3, policy, noJitter)).toMatchObject({ verdict: { status: 'failed' }, statusCode: null, error: '请求超时' });
  });

  it('410 Gone fails at once and disables the endpoint', () => {
    const judged = judgeAttempt(response(410), 1, policy, noJitter);
    expect(judged.verdict).toEqual({ status: 'failed', disableEndpoint: expect.stringContaining('410') });
  });

  it('a destination refused at send time is not retried', () => {
    expect(judgeAttempt({ kind: 'refused', message: '发送时拒绝' }, 1, policy, noJitter)).toEqual({
      verdict: { status: 'failed', disableEndpoint: null },
      statusCode: null,
      error: '发送时拒绝',
      excerpt: null,
    });
  });

  it('a network failure is retried', () => {
    expect(judgeAttempt({ kind: 'failed', message: '请求失败：ECONNREFUSED' }, 1, policy, noJitter).verdict).toEqual({ status: 'pending', retryInMs: 1000 });
  });
});

describe('retryDelayMs', () => {
  it.each([
    [1, null, 0, 1000],
    [2, null, 0, 2000],
    [4, null, 0, 8000],
    [2, null, 1, 2200], // at most 10 % jitter
    [1, 30_000, 0, 30_000], // Retry-After longer than the backoff wins
    [3, 500, 0, 4000], // shorter does not
    [1, 10 * 3_600_000, 0, 3_600_000], // capped at an hour
    [40, null, 0, 24 * 3_600_000], // exponential capped at a day
  ])('attempt %i, Retry-After %p, jitter %p → %i ms', (attempts, retryAfter, jitter, expected) => {
    expect(retryDelayMs(attempts, 1000, retryAfter, () => jitter)).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-11-23T00:00:00Z');
  it.each([
    [undefined, null],
    ['120', 120_000],
    [' 5 ', 5_000],
    ['Mon, 23 Nov 2026 00:01:00 GMT', 60_000],
    ['Sun, 22 Nov 2026 00:00:00 GMT', 0],
    ['soon', null],
  ])('%p → %p', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
