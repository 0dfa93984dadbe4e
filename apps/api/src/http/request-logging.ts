import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { FastifyReply, FastifyRequest, LogController } from 'fastify';
import { redactUrl } from '@enterpark/common';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Fastify's request id: the caller's X-Request-Id when it is sane, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * One line per request, when it completes (method, URL, status, time, request id), instead of
 * Fastify's two; the health probes, polled every few seconds, are not logged.
 */
export class RequestLogging extends LogController {
  constructor() {
    super({ disableRequestLogging: (req: FastifyRequest) => req.url.startsWith('/health') });
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    // The request as logged: never its headers (authorization, cookies), its URL without query-string
    // tokens. The root logger's redaction (libs/common/src/logging.ts) would catch both anyway.
    const req = { method: request.method, url: redactUrl(request.url), hostname: request.hostname, remoteAddress: request.ip };
    const line = { req, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
