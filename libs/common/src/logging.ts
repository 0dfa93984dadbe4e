import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';
import pretty from 'pino-pretty';

export type RootLogger = Logger;

export const REDACTED = '[Redacted]';

/**
 * Secrets that travel in query strings: access tokens (an EventSource cannot send headers) and
 * the signed tokens of providers' answer links and unsubscribe links.
 */
const SECRET_IN_URL = /([?&](?:access_token|token)=)[^&#\s"']*/g;
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

export function redactUrl(url: string): string {
  return url.replace(SECRET_IN_URL, `$1${REDACTED}`);
}

/** Free text (a message, an error's message) with any query-string token or bearer credential blanked out. */
export function redactText(text: string): string {
  return redactUrl(text).replace(BEARER, `$1${REDACTED}`);
}

/** Fields that are secret wherever they appear (at the top, one level down, in headers): credentials, passwords, tokens. */
const SECRET_FIELDS = ['authorization', 'cookie', 'password', 'currentPassword', 'newPassword', 'accessToken', 'access_token', 'token', 'secret'];
const HEADER_PATHS = ['headers.authorization', 'headers.cookie', 'headers["set-cookie"]'];
const SECRET_PATHS = [...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`]), ...HEADER_PATHS.flatMap((h) => [h, `*.${h}`])];
/** Text that may quote a URL or a header: kept, with its secrets blanked out (redactText). */
const TEXT_FIELDS = ['url', 'msg', 'message', 'stack'];
const TEXT_PATHS = ['url', '*.url', 'msg', 'err.message', 'err.stack', '*.err.message', '*.err.stack'];

/**
 * Applied by pino after serializers, to every line of every logger made here (API, worker,
 * standalone): header credentials, cookies, passwords and tokens are replaced, URLs and error
 * messages keep their text without the secrets in it.
 */
const REDACT: LoggerOptions['redact'] = {
  paths: [...SECRET_PATHS, ...TEXT_PATHS],
  censor: (value: unknown, path: string[]) => (TEXT_FIELDS.includes(path.at(-1)!) && typeof value === 'string' ? redactText(value) : REDACTED),
};

/** The message itself (`logger.warn(\`… ${url}\`)`) is not a field: cleaned on the way in. */
const HOOKS: LoggerOptions['hooks'] = {
  logMethod(args, method) {
    method.apply(this, args.map((a) => (typeof a === 'string' ? redactText(a) : a)) as Parameters<typeof method>);
  },
};

/**
 * The process's one logger, shared by Nest, Fastify and the start-up code, so that every line
 * has one format: JSON lines, or with `logPretty` (LOG_PRETTY, on by default in development)
 * one readable line per entry, written synchronously so that nothing overtakes the start-up summary.
 * `destination` replaces stdout (a test reading what was logged).
 */
export function createRootLogger(settings: { logLevel: string; logPretty: boolean }, destination?: DestinationStream): RootLogger {
  const options: LoggerOptions = { level: settings.logLevel, redact: REDACT, hooks: HOOKS };
  if (destination) return pino(options, destination);
  if (!settings.logPretty) return pino(options);
  const stream = pretty({
    sync: true,
    singleLine: true,
    translateTime: 'SYS:yyyy-mm-dd HH:MM:ss',
    ignore: 'pid,hostname,context',
    messageFormat: '{if context}[{context}] {end}{msg}',
  });
  return pino(options, stream);
}

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** Nest's own start-up lines (one per module, controller and route) help debugging, not every start. */
const FRAMEWORK_CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

const looksLikeStack = (value: unknown): value is string => typeof value === 'string' && /\n\s*at /.test(value);

/**
 * Nest's LoggerService on the root logger. Nest passes the context last (`new Logger('Relay')`),
 * and its exception handlers call `error(message, stack)` with a stack but no context.
 */
export class NestLogger implements LoggerService {
  constructor(private readonly root: RootLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write(FRAMEWORK_CHATTER.has(String(params.at(-1))) ? 'debug' : 'info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void { this.write('error', message, params); }
  warn(message: unknown, ...params: unknown[]): void { this.write('warn', message, params); }
  debug(message: unknown, ...params: unknown[]): void { this.write('debug', message, params); }
  verbose(message: unknown, ...params: unknown[]): void { this.write('trace', message, params); }
  fatal(message: unknown, ...params: unknown[]): void { this.write('fatal', message, params); }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const last = rest.at(-1);
    const fields: Record<string, unknown> = typeof last === 'string' && !looksLikeStack(last) ? { context: rest.pop() } : {};
    if (message instanceof Error) return this.root[level]({ ...fields, err: message }, message.message);
    if (typeof message === 'object' && message !== null) return this.root[level]({ ...fields, ...message });
    const stack = rest.find(looksLikeStack);
    this.root[level](stack ? { ...fields, err: Object.assign(new Error(String(message)), { stack }) } : fields, String(message));
  }
}
