import http from 'node:http';
import https from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import { AttemptResult, parseRetryAfter } from '../domain/delivery-outcome';
import { bareHost } from '../domain/webhook-url';
import { WebhookDestinationRefusedError } from '../webhooks.errors';

/** Only this much of a response body is read, and kept. */
export const RESPONSE_EXCERPT_BYTES = 1024;

export interface WebhookPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** The send-time address check: `vet` for IP literals (node connects to those without a lookup), `lookup` for names. */
export interface DestinationCheck {
  vet(hostname: string): Promise<unknown>;
  lookup: LookupFunction;
}

/**
 * One POST, answered as an AttemptResult, never thrown. Redirects are not followed (node's
 * http does not follow them; a 3xx is just a status). No connection reuse and no proxy:
 * every attempt connects to an address its own lookup vetted.
 */
export async function postWebhook(post: WebhookPost, destination: DestinationCheck): Promise<AttemptResult> {
  const target = new URL(post.url);
  const host = bareHost(target.hostname);
  if (isIP(host)) {
    try {
      await destination.vet(host);
    } catch (error) {
      return failureOf(error, post.timeoutMs);
    }
  }
  return send(target, post, destination.lookup);
}

function send(target: URL, post: WebhookPost, lookup: LookupFunction): Promise<AttemptResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(result);
    };
    const transport = target.protocol === 'https:' ? https : http;
    const request = transport.request(
      target,
      { method: 'POST', agent: false, lookup, headers: { ...post.headers, 'content-length': String(Buffer.byteLength(post.body)) } },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const answered = () =>
          finish({
            kind: 'response',
            status: response.statusCode ?? 0,
            excerpt: excerptOf(Buffer.concat(chunks)),
            retryAfterMs: parseRetryAfter(headerOf(response.headers['retry-after']), new Date()),
          });
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_EXCERPT_BYTES) answered();
        });
        response.on('end', answered);
        response.on('error', answered);
      },
    );
    const timer = setTimeout(() => finish({ kind: 'failed', message: `请求超时（${post.timeoutMs} ms 内未完成）` }), post.timeoutMs);
    request.on('error', (error) => finish(failureOf(error, post.timeoutMs)));
    request.end(post.body);
  });
}

function failureOf(error: unknown, timeoutMs: number): AttemptResult {
  if (error instanceof WebhookDestinationRefusedError) return { kind: 'refused', message: `发送时拒绝：${error.message}` };
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ETIMEDOUT') return { kind: 'failed', message: `请求超时（${timeoutMs} ms 内未完成）` };
  return { kind: 'failed', message: `请求失败：${[e.code, e.message].filter(Boolean).join(' ')}`.slice(0, 1000) };
}

/** Text for the log: the first bytes, decoded leniently, without NUL (PostgreSQL text refuses it). */
function excerptOf(bytes: Buffer): string {
  // eslint-disable-next-line no-control-regex -- NUL is the one character PostgreSQL text refuses
  return bytes.subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8').replace(/\u0000/g, '').slice(0, RESPONSE_EXCERPT_BYTES);
}

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
