import { hkdfSync } from 'node:crypto';
import { configSchema, crossFieldProblems, RawConfig } from './config.schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export type QueueBackendKind = 'redis' | 'postgres';

/**
 * The validated configuration. The only class in the code base that looks at the
 * environment; everything else receives an AppConfig.
 */
export class AppConfig {
  private readonly purposeKeys = new Map<string, Buffer>();

  private constructor(private readonly raw: RawConfig) {}

  /** Validates `env` (default: process.env) and lists every problem at once. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Record<keyof RawConfig, string>> = {}): AppConfig {
    const input: Record<string, string | undefined> = { ...env, ...overrides };
    for (const key of Object.keys(input)) if (input[key] === '') input[key] = undefined;
    const parsed = configSchema.safeParse(input);
    const problems = [
      ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)),
      ...crossFieldProblems(input),
    ];
    if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
    return new AppConfig(parsed.data);
  }

  /** A copy with some settings replaced, e.g. the URLs of embedded servers once they run. */
  with(overrides: Partial<RawConfig>): AppConfig {
    return new AppConfig({ ...this.raw, ...overrides });
  }

  get nodeEnv() { return this.raw.NODE_ENV; }
  get host() { return this.raw.HOST; }
  get port() { return this.raw.PORT; }
  get publicBaseUrl() { return this.raw.PUBLIC_BASE_URL ?? `http://${this.displayHost}:${this.raw.PORT}`; }
  get dataDir() { return this.raw.DATA_DIR; }
  /** The built web console (`npm run build`), served by the API at `/`. */
  get consoleDir() { return this.raw.CONSOLE_DIR; }
  get databaseUrl() { return this.raw.DATABASE_URL; }
  get databasePoolSize() { return this.raw.DATABASE_POOL_SIZE; }
  get redisUrl() { return this.raw.REDIS_URL; }
  get queuePrefix() { return this.raw.QUEUE_PREFIX; }
  get jwtSecret() { return this.raw.JWT_SECRET; }
  get jwtIssuer() { return this.raw.JWT_ISSUER; }
  get jwtTtlSeconds() { return this.raw.JWT_TTL_SECONDS; }
  /** How stale an API process's view of an account's token version and active flag may be. */
  get tokenCheckCacheMs() { return this.raw.TOKEN_CHECK_CACHE_MS; }
  /** Failed sign-ins per account, and per client address, within the window before further attempts are refused. */
  get signInThrottle() {
    return { maxPerAccount: this.raw.SIGN_IN_MAX_FAILURES, maxPerAddress: this.raw.SIGN_IN_MAX_FAILURES_PER_ADDRESS, windowMs: this.raw.SIGN_IN_WINDOW_SECONDS * 1000 };
  }
  /** Fastify's trustProxy: the proxies whose X-Forwarded-For names the client. */
  get trustProxy() { return this.raw.TRUST_PROXY; }
  get bootstrapAdminEmail() { return this.raw.BOOTSTRAP_ADMIN_EMAIL; }
  get bootstrapAdminPassword() { return this.raw.BOOTSTRAP_ADMIN_PASSWORD; }
  get demoData() { return this.raw.DEMO_DATA; }
  get demoPassword() { return this.raw.DEMO_PASSWORD; }
  get migrationsRun() { return this.raw.MIGRATIONS_RUN; }
  get bodyLimitBytes() { return this.raw.BODY_LIMIT_BYTES; }
  get logLevel() { return this.raw.LOG_LEVEL; }
  /** Readable lines in development (also piped to a file), JSON lines elsewhere. */
  get logPretty() { return this.raw.LOG_PRETTY ?? this.raw.NODE_ENV === 'development'; }
  get outboxPollMs() { return this.raw.OUTBOX_POLL_MS; }
  get outboxBatchSize() { return this.raw.OUTBOX_BATCH_SIZE; }
  get routingConcurrency() { return this.raw.ROUTING_CONCURRENCY; }
  get reconcileIntervalMs() { return this.raw.RECONCILE_INTERVAL_MS; }
  get reconcileStuckAfterMs() { return this.raw.RECONCILE_STUCK_AFTER_MS; }
  get proposalWindowWorkingDays() { return this.raw.PROPOSAL_WINDOW_WORKING_DAYS; }
  get timerSweepMs() { return this.raw.TIMER_SWEEP_MS; }
  /** Where people open the web console; the API serves it at `/`, so by default the API's own address. */
  get consoleBaseUrl() { return (this.raw.CONSOLE_BASE_URL ?? this.publicBaseUrl).replace(/\/+$/, ''); }
  /** Years whose chinese-days data is not trusted: missing until a coordinator publishes them (drills, tests). */
  get calendarIgnoredPackageYears(): readonly number[] { return this.raw.CALENDAR_IGNORE_PACKAGE_YEARS; }
  /** A page of the web console (`/calendar`), for links in emails. */
  consolePageUrl(path: string): string {
    return `${this.consoleBaseUrl}${path}`;
  }
  /** The console's page of ticket `id` (查看工单 in emails); the console signs the visitor in first. */
  ticketUrl(id: string): string {
    return `${this.consoleBaseUrl}/tickets/${encodeURIComponent(id)}`;
  }
  /** The ticket's page with the zone's 确认办结 form open (确认并评价). */
  ticketConfirmUrl(id: string): string {
    return `${this.ticketUrl(id)}?action=confirm`;
  }
  /** The console's 通知设置 page, where a user manages their mail preferences (管理邮件偏好). */
  get mailPreferencesUrl() { return `${this.consoleBaseUrl}/settings/notifications`; }
  get smtpUrl() { return this.raw.SMTP_URL; }
  get mailFrom() { return this.raw.MAIL_FROM; }
  get mailMaxAttempts() { return this.raw.MAIL_MAX_ATTEMPTS; }
  get mailBackoffMs() { return this.raw.MAIL_BACKOFF_MS; }
  get mailSendConcurrency() { return this.raw.MAIL_SEND_CONCURRENCY; }
  /** How long a sender owns a message it claimed; SMTP timeouts are derived from it so a live send never outlasts it. */
  get mailSendLeaseMs() { return this.raw.MAIL_SEND_LEASE_MS; }
  get digestCron() { return this.raw.DIGEST_CRON; }
  get digestTz() { return this.raw.DIGEST_TZ; }
  get digestCatchupWeeks() { return this.raw.DIGEST_CATCHUP_WEEKS; }
  get webhookAllowPrivate() { return this.raw.WEBHOOK_ALLOW_PRIVATE; }
  get webhookMaxAttempts() { return this.raw.WEBHOOK_MAX_ATTEMPTS; }
  get webhookBackoffMs() { return this.raw.WEBHOOK_BACKOFF_MS; }
  get webhookTimeoutMs() { return this.raw.WEBHOOK_TIMEOUT_MS; }
  get webhookPollMs() { return this.raw.WEBHOOK_POLL_MS; }
  /** How often each API process reads new ticket events for its live streams (one read for all of them). */
  get ticketStreamPollMs() { return this.raw.TICKET_STREAM_POLL_MS; }
  get ticketStreamHeartbeatMs() { return this.raw.TICKET_STREAM_HEARTBEAT_MS; }
  /** Open live streams per user and API process (a browser tab each). */
  get ticketStreamMaxPerUser() { return this.raw.TICKET_STREAM_MAX_PER_USER; }
  /** When set, /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`. */
  get metricsToken() { return this.raw.METRICS_TOKEN; }
  /** The worker's own /metrics port (the API serves /metrics on its HTTP port). */
  get metricsPort() { return this.raw.METRICS_PORT; }
  /** Whether /admin/queues may retry, promote and clean jobs (read-only by default). */
  get queueDashboardWrite() { return this.raw.QUEUE_DASHBOARD_WRITE; }

  /**
   * A signing key for one purpose, derived from JWT_SECRET with HKDF: a token signed for one
   * purpose (a provider's answer link, an unsubscribe link) never passes for another, nor as
   * an access token. Derived once per purpose.
   */
  purposeKey(purpose: string): Buffer {
    let key = this.purposeKeys.get(purpose);
    if (!key) {
      if (!this.raw.JWT_SECRET) throw new Error(`JWT_SECRET is not set: ${purpose} tokens cannot be signed`);
      key = Buffer.from(hkdfSync('sha256', this.raw.JWT_SECRET, 'enterpark', purpose, 32));
      this.purposeKeys.set(purpose, key);
    }
    return key;
  }

  /** Redis when a URL is known, unless PostgreSQL is asked for explicitly. */
  get queueBackend(): QueueBackendKind {
    return this.raw.QUEUE_BACKEND ?? (this.raw.REDIS_URL ? 'redis' : 'postgres');
  }

  private get displayHost() {
    return this.raw.HOST === '0.0.0.0' || this.raw.HOST === '::' ? '127.0.0.1' : this.raw.HOST;
  }
}
