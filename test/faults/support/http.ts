/** One answer as a client saw it; `status` 0 when no HTTP answer came (refused, reset, timed out). */
export interface Answer {
  status: number;
  body: any;
  code: string | null;
  retryAfter: string | null;
  /** When the request was sent (ms since epoch) and how long it took. */
  at: number;
  ms: number;
  error?: string;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** A plain HTTP client of the API under test: every answer is returned, never thrown. */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const at = Date.now();
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    try {
      const res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
      const text = await res.text();
      let body: any = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: kept as text
      }
      return { status: res.status, body, code: body?.code ?? null, retryAfter: res.headers.get('retry-after'), at, ms: Date.now() - at };
    } catch (error) {
      return { status: 0, body: null, code: null, retryAfter: null, at, ms: Date.now() - at, error: (error as Error).message };
    }
  }

  /** Signs in; answers the access token. */
  async login(email: string, password: string): Promise<string> {
    const answer = await this.call('POST', '/api/v1/auth/login', { body: { email, password } });
    if (answer.status !== 200) throw new Error(`login ${email}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.accessToken;
  }

  /** Like `call`, but anything other than `status` fails the test with the answer. */
  async expect(status: number, method: string, path: string, options: CallOptions = {}): Promise<any> {
    const answer = await this.call(method, path, options);
    if (answer.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${answer.status} ${answer.error ?? JSON.stringify(answer.body)}`);
    return answer.body;
  }
}
