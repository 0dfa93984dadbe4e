import { z } from 'zod';
import { jwtSecretWeakness } from './secret-strength';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((v) => protocols.some((p) => v.startsWith(`${p}://`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

/**
 * Every setting the service reads, with its default. `.env.example` documents each one.
 * Unset DATABASE_URL / REDIS_URL mean "embedded default" (see apps/standalone).
 */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_BASE_URL: z.string().url().optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    CONSOLE_DIR: z.string().min(1).default('dist/console'),
    DATABASE_URL: url(['postgres', 'postgresql']).optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
    REDIS_URL: url(['redis', 'rediss']).optional(),
    QUEUE_BACKEND: z.enum(['redis', 'postgres']).optional(),
    QUEUE_PREFIX: z
      .string()
      .regex(/^\{[A-Za-z0-9_.-]{1,64}\}$/, 'must be a Redis Cluster hash tag such as {enterpark}')
      .default('{enterpark}'),
    JWT_SECRET: z.string().min(32).optional(),
    JWT_ISSUER: z.string().min(1).default('enterpark'),
    JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(8 * 3600),
    // How long an API process trusts its cached copy of an account's token version and active flag:
    // a deactivation or a change of desks, zone or password ends older tokens everywhere within this.
    TOKEN_CHECK_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(30_000),
    SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
    SIGN_IN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(10),
    SIGN_IN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(15 * 60),
    // Which peers may name the client in X-Forwarded-For (addresses, CIDRs, or proxy-addr's names).
    // The client address counts sign-in failures, so a client must not be able to choose it.
    TRUST_PROXY: z.string().regex(/^[0-9A-Za-z.:/,\s]+$/, 'must be addresses, CIDR ranges or loopback / linklocal / uniquelocal, separated by commas').default('loopback,linklocal,uniquelocal'),
    BOOTSTRAP_ADMIN_EMAIL: z.string().email().default('admin@enterpark.local'),
    BOOTSTRAP_ADMIN_PASSWORD: z.string().min(10).max(128).optional(),
    DEMO_DATA: bool.default(true),
    DEMO_PASSWORD: z.string().min(10).max(128).optional(),
    MIGRATIONS_RUN: bool.default(true),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(16 * 1024 * 1024).default(1024 * 1024),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_PRETTY: bool.optional(),
    OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
    OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
    ROUTING_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(200),
    RECONCILE_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
    RECONCILE_STUCK_AFTER_MS: z.coerce.number().int().min(100).max(86_400_000).default(15_000),
    PROPOSAL_WINDOW_WORKING_DAYS: z.coerce.number().int().min(1).max(30).default(2),
    TIMER_SWEEP_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
    CALENDAR_IGNORE_PACKAGE_YEARS: z
      .string()
      .regex(/^\s*(\d{4}\s*(,\s*\d{4}\s*)*)?$/, 'must be years separated by commas, such as 2027,2028')
      .default('')
      .transform((v) => v.split(',').map((y) => y.trim()).filter(Boolean).map(Number)),
    CONSOLE_BASE_URL: url(['http', 'https']).optional(),
    SMTP_URL: url(['smtp', 'smtps']).optional(),
    MAIL_FROM: z.string().min(3).max(200).default('进园区服务平台 <noreply@enterpark.local>'),
    MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    MAIL_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
    MAIL_SEND_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
    MAIL_SEND_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(120_000),
    DIGEST_CRON: z.string().min(9).max(100).default('0 8 * * 1'),
    DIGEST_TZ: z.string().min(1).max(64).default('Asia/Shanghai'),
    DIGEST_CATCHUP_WEEKS: z.coerce.number().int().min(0).max(52).default(4),
    WEBHOOK_ALLOW_PRIVATE: bool.default(false),
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    WEBHOOK_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
    TICKET_STREAM_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
    TICKET_STREAM_HEARTBEAT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
    TICKET_STREAM_MAX_PER_USER: z.coerce.number().int().min(1).max(100).default(5),
    METRICS_TOKEN: z.string().min(16).max(200).optional(),
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    QUEUE_DASHBOARD_WRITE: bool.default(false),
  });

/**
 * Rules across settings. Checked on the raw input, next to the schema, so that a
 * problem here is listed together with the schema's own (zod skips refinements
 * once a field fails).
 */
export function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) problems.push('JWT_SECRET: is required in production');
  // Shorter than 32 characters is already the schema's own problem, listed with the others.
  const weakness = env.NODE_ENV === 'production' && env.JWT_SECRET && env.JWT_SECRET.length >= 32 ? jwtSecretWeakness(env.JWT_SECRET) : null;
  if (weakness) problems.push(`JWT_SECRET: ${weakness}`);
  if (env.QUEUE_BACKEND === 'redis' && !env.REDIS_URL) problems.push('REDIS_URL: is required when QUEUE_BACKEND=redis');
  // Renamed, with another meaning (the console's address, not a ticket path): a stale value must not be ignored silently.
  if (env.TICKET_LINK_BASE_URL) problems.push('TICKET_LINK_BASE_URL: replaced by CONSOLE_BASE_URL, the web console\'s address (emails link to <CONSOLE_BASE_URL>/tickets/<id>)');
  return problems;
}

export type RawConfig = z.infer<typeof configSchema>;
