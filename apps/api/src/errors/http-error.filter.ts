import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply } from 'fastify';
import { DomainError, DomainErrorKind } from '@enterpark/common';
import { ErrorResponse } from './error-body';
import { UnavailableBackend, unavailableBackend } from './unavailable';
import { RequestValidationException } from './validation-errors';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  too_many_requests: HttpStatus.TOO_MANY_REQUESTS,
};

/** Fastify's own errors (body parsing, size, content type) carry a code and a status. */
const FASTIFY_CODES: Record<string, { field: string; rule: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { field: 'body', rule: 'maxBytes', message: '请求体超过大小上限' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { field: 'content-type', rule: 'isJson', message: '仅支持 application/json 请求体' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { field: 'body', rule: 'isNotEmpty', message: '请求体不能为空' },
  FST_ERR_CTP_INVALID_JSON_BODY: { field: 'body', rule: 'isJson', message: '请求体不是有效的 JSON' },
};

interface FastifyError {
  code: string;
  statusCode: number;
}

/** The Fastify body-parsing error we have wording for, whether thrown as is or as the cause of an HttpException. */
function fastifyErrorOf(exception: unknown): FastifyError | null {
  for (const candidate of [exception, exception instanceof HttpException ? exception.cause : undefined]) {
    const e = candidate as Partial<FastifyError> | null | undefined;
    if (typeof e?.code === 'string' && FASTIFY_CODES[e.code] && typeof e.statusCode === 'number') return e as FastifyError;
  }
  return null;
}

/** Seconds a client should wait before retrying a request refused while a backing service is away. */
export const RETRY_AFTER_SECONDS = 5;

const UNAVAILABLE: Record<UnavailableBackend, { code: string; message: string }> = {
  database: { code: 'DATABASE_UNAVAILABLE', message: '数据库暂时不可用，请稍后重试' },
  redis: { code: 'REDIS_UNAVAILABLE', message: '队列服务暂时不可用，请稍后重试' },
};

function body(statusCode: number, code: string, message: string, rest: Partial<ErrorResponse> = {}): ErrorResponse {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', code, message, ...rest };
}

/**
 * Maps every failure to `{statusCode, error, code, message, details?}`; nothing unknown leaks
 * out. A backing service that cannot be reached (PostgreSQL stopping or not there, Redis
 * where a request needs it) is a 503 with Retry-After, never a 500: the request may be retried.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const backend = unavailableBackend(exception);
    if (backend) {
      // An outage, not a bug: one line per request, no stack.
      this.logger.warn(`${backend} unavailable: ${(exception as Error).message}`);
      const { code, message } = UNAVAILABLE[backend];
      void reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS)).send(body(503, code, message));
      return;
    }
    const answer = this.toBody(exception);
    if (answer.statusCode >= 500) this.logger.error(exception);
    if (typeof answer.retryAfterSeconds === 'number') void reply.header('retry-after', String(answer.retryAfterSeconds));
    void reply.status(answer.statusCode).send(answer);
  }

  private toBody(exception: unknown): ErrorResponse {
    if (exception instanceof DomainError) {
      const status = STATUS_OF_KIND[exception.kind];
      return body(status, exception.code, exception.message, {
        ...(exception.details.length ? { details: exception.details } : {}),
        ...exception.extra,
      });
    }
    if (exception instanceof RequestValidationException) {
      return body(400, 'VALIDATION_FAILED', '请求参数校验失败', { details: exception.details });
    }
    // Nest's Fastify adapter wraps Fastify's own 4xx errors in an HttpException (the original is the cause).
    const fastify = fastifyErrorOf(exception);
    if (fastify) {
      const detail = FASTIFY_CODES[fastify.code];
      return body(fastify.statusCode, fastify.code.replace(/^FST_ERR_CTP_/, ''), detail.message, { details: [detail] });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      return body(status, STATUS_CODES[status]?.toUpperCase().replace(/\W+/g, '_') ?? 'ERROR', String(message));
    }
    const other = exception as { statusCode?: number; message?: string } | null;
    if (other?.statusCode && other.statusCode >= 400 && other.statusCode < 500) {
      return body(other.statusCode, 'BAD_REQUEST', other.message ?? '请求无效');
    }
    return body(500, 'INTERNAL_ERROR', '服务器内部错误');
  }
}
