import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Clock, Role, RootLogger, ServiceType } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { ManageZonesService, Zone, ZoneLevel } from '@enterpark/demand';
import { CreateUserService, User } from '@enterpark/identity';
import { createApiApp } from '../../../apps/api/src/api-app';
import { AccessTokenService } from '../../../apps/api/src/auth/access-token.service';
import { createWorkerApp } from '../../../apps/worker/src/worker-app';
import { RunningTestClock } from './test-clock';
import { createDatabaseFromTemplate, currentTestRun, deleteRedisKeys, dropDatabase, uniqueSuffix } from './test-infrastructure';

export const TEST_ADMIN = { email: 'admin@enterpark.test', password: 'Admin-Passw0rd!' };
export const TEST_PASSWORD = 'Test-Passw0rd!';

export interface HttpResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/**
 * One test file's world: its own database (cloned from the migrated template), its own
 * queue prefix, the real API on a free port and, unless asked otherwise, the real worker.
 */
export class TestContext {
  worker: INestApplicationContext | null = null;
  private zoneCount = 0;
  private userCount = 0;

  private constructor(
    readonly config: AppConfig,
    readonly api: NestFastifyApplication,
    readonly baseUrl: string,
    private readonly databaseName: string,
    readonly clock: Clock,
    private readonly logger: RootLogger | undefined,
  ) {}

  /**
   * `clock`: a TestClock shared by API and worker (deadlines and expiries move with it);
   * without one the context runs on a clock that starts at TEST_EPOCH, whatever today is.
   * `logger`: where API and worker log (a test reading the log builds one with createRootLogger);
   * without one, nothing is logged.
   */
  static async create(options: { worker?: boolean; env?: Record<string, string>; clock?: Clock; logger?: RootLogger } = {}): Promise<TestContext> {
    const run = currentTestRun();
    const id = `${run.runId}_${uniqueSuffix()}`;
    const databaseName = `ep_test_${id}`;
    const url = await createDatabaseFromTemplate(run, databaseName);
    // Files the service writes (.eml mail without SMTP_URL) go to a folder of this context's own.
    const dataDir = await mkdtemp(join(tmpdir(), 'enterpark-test-'));
    const config = AppConfig.fromEnv(
      {},
      {
        NODE_ENV: 'test',
        DATABASE_URL: url,
        DATABASE_POOL_SIZE: '10',
        REDIS_URL: run.redisUrl,
        QUEUE_PREFIX: `{ep-test-${id}}`,
        JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
        BOOTSTRAP_ADMIN_EMAIL: TEST_ADMIN.email,
        BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN.password,
        DEMO_DATA: 'false',
        MIGRATIONS_RUN: 'false',
        LOG_LEVEL: 'silent',
        OUTBOX_POLL_MS: '100',
        DATA_DIR: dataDir,
        ...options.env,
      },
    );
    const clock = options.clock ?? new RunningTestClock();
    const api = await createApiApp(config, { shutdownHooks: false, clock, logger: options.logger });
    await api.listen(0, '127.0.0.1');
    const ctx = new TestContext(config, api, await api.getUrl(), databaseName, clock, options.logger);
    if (options.worker !== false) await ctx.startWorker();
    return ctx;
  }

  get dataSource(): DataSource {
    return this.api.get(DataSource);
  }

  sql<T = any>(text: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(text, params);
  }

  /** Row counts of every table a request could write, to prove that a refusal wrote nothing. */
  async rowCounts(): Promise<Record<string, number>> {
    const tables = ['zone', 'app_user', 'desk_member', 'staff_workload', 'service_provider', 'demand_list', 'ticket', 'event', 'ticket_match', 'ticket_activity', 'ticket_summary', 'demand_list_summary', 'calendar_year', 'calendar_day', 'digest', 'digest_week', 'mail_message', 'mail_suppression', 'mail_preference', 'webhook_endpoint', 'webhook_delivery', 'ticket_terms', 'ticket_term_posting', 'term_df', 'ranking_weights', 'bulletin', 'problem', 'problem_ticket', 'experience_template', 'template_use'];
    const [row] = await this.sql(`SELECT ${tables.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`);
    return row;
  }

  async startWorker(): Promise<INestApplicationContext> {
    this.worker ??= await createWorkerApp(this.config, { shutdownHooks: false, clock: this.clock, logger: this.logger });
    return this.worker;
  }

  async stopWorker(): Promise<void> {
    await this.worker?.close();
    this.worker = null;
  }

  async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (HTML docs page): keep the text
    }
    return { status: res.status, body: body as T, headers: res.headers };
  }

  async login(email: string, password: string): Promise<string> {
    const res = await this.request('POST', '/api/v1/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  }

  /** A token signed as the API signs one, for the account as it is now (its current token version). */
  tokenFor(user: User): Promise<string> {
    return this.api.get(AccessTokenService).sign(user);
  }

  async newZone(overrides: Partial<{ code: string; name: string; level: ZoneLevel; city: string; province: string }> = {}): Promise<Zone> {
    const n = ++this.zoneCount;
    return this.api.get(ManageZonesService).create({
      code: `zone-${n}-${uniqueSuffix()}`,
      name: `测试园区${n}`,
      level: 'national',
      city: '合肥市',
      ...overrides,
    });
  }

  /** A user with a token, created through the real use case (argon2 hash included). */
  async newUser(role: Role, extra: { zoneId?: string; desks?: ServiceType[]; name?: string } = {}): Promise<{ user: User; token: string }> {
    const n = ++this.userCount;
    const user = await this.api.get(CreateUserService).execute({
      email: `${role}.${n}.${uniqueSuffix()}@enterpark.test`,
      name: extra.name ?? `${role} ${n}`,
      password: TEST_PASSWORD,
      role,
      zoneId: extra.zoneId,
      desks: extra.desks,
    });
    return { user, token: await this.tokenFor(user) };
  }

  async coordinatorToken(): Promise<string> {
    return this.login(TEST_ADMIN.email, TEST_ADMIN.password);
  }

  /** Polls until `check` returns a truthy value (or throws when time runs out). */
  async waitFor<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async close(): Promise<void> {
    await this.stopWorker();
    await this.api.close();
    const run = currentTestRun();
    await dropDatabase(run.adminUrl, this.databaseName);
    await deleteRedisKeys(run.redisUrl, this.config.queuePrefix);
    if (this.config.dataDir.startsWith(tmpdir())) await rm(this.config.dataDir, { recursive: true, force: true });
  }
}
