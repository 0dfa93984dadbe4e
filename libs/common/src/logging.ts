import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import pretty from 'pino-pretty';

export type RootLogger = Logger;

/**
 * The process's one logger, shared by Nest, Fastify and the start-up code, so that every line
 * has one format: JSON lines, or with `logPretty` (LOG_PRETTY, on by default in development)
 * one readable line per entry, written synchronously so that nothing overtakes the start-up summary.
 */
export function createRootLogger(settings: { logLevel: string; logPretty: boolean }): RootLogger {
  if (!settings.logPretty) return pino({ level: settings.logLevel });
  const stream = pretty({
    sync: true,
    singleLine: true,
    translateTime: 'SYS:yyyy-mm-dd HH:MM:ss',
    ignore: 'pid,hostname,context',
    messageFormat: '{if context}[{context}] {end}{msg}',
  });
  return pino({ level: settings.logLevel }, stream);
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
