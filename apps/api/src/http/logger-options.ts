import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { AppConfig } from '@enterpark/config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Fastify's request id: the caller's X-Request-Id when it is sane, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Secrets that travel in query strings: access tokens (an EventSource cannot send headers) and
 * the signed tokens of providers' answer links and unsubscribe links.
 */
const SECRET_PARAMS = ['access_token', 'token'];
const SECRET_IN_URL = new RegExp(`([?&](?:${SECRET_PARAMS.join('|')})=)[^&#]*`, 'g');
export const REDACTED = '[Redacted]';

export function redactUrl(url: string): string {
  return url.replace(SECRET_IN_URL, `$1${REDACTED}`);
}

interface SerializedRequest {
  url?: string;
  query?: Record<string, unknown>;
}

/** The request as logged: its URL and parsed query without the secrets above. */
export function redactRequest<T extends SerializedRequest>(req: T): T {
  const query = req.query && Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, SECRET_PARAMS.includes(k) ? REDACTED : v]));
  return { ...req, ...(req.url === undefined ? {} : { url: redactUrl(req.url) }), ...(query ? { query } : {}) };
}

/** Structured logs with a request id per request (taken from X-Request-Id when sane), secrets redacted. */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      transport: config.logPretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      serializers: { req: redactRequest },
      // Fastify has already given the request its id (requestIdOf); the logs use the same one.
      genReqId: (req: IncomingMessage & { id?: unknown }) => (typeof req.id === 'string' ? req.id : requestIdOf(req)),
      autoLogging: { ignore: (req: IncomingMessage) => req.url?.startsWith('/health') ?? false },
    },
  };
}
