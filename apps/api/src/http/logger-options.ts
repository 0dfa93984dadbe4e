import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { AppConfig } from '@enterpark/config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Structured logs with a request id per request (taken from X-Request-Id when sane), secrets redacted. */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      transport: config.logPretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req: IncomingMessage) => req.url?.startsWith('/health') ?? false },
    },
  };
}
