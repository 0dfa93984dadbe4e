import 'reflect-metadata';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { createRootLogger, exitOnStopSignals, NestLogger, settlesWithin } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { runMigrations } from '@enterpark/database';
import { createApiApp } from '../../api/src/api-app';
import { logStartUpSummary } from '../../api/src/bootstrap/start-up-summary';
import { createWorkerApp } from '../../worker/src/worker-app';
import { startEmbeddedPostgres } from './embedded-postgres';
import { redisServerOnPath, startEmbeddedRedis } from './embedded-redis';
import { localSecrets } from './local-secrets';
import { StartedServers } from './processes';

/**
 * How long PostgreSQL and Redis get to stop on their own before they are killed: a fast
 * shutdown takes well under a second; together with SHUTDOWN_TIMEOUT_MS (5 s) a stop stays
 * within 10 s whatever hangs.
 */
const SERVER_STOP_GRACE_MS = 3_000;

const logger = new Logger('EnterPark');
const servers = new StartedServers();
const apps: INestApplicationContext[] = [];
/** Set once the configuration is read; before that there is no app to wait for. */
let shutdownTimeoutMs = 0;

/** Resolves the embedded default for whatever DATABASE_URL / REDIS_URL / JWT_SECRET leave unset. */
async function resolveInfrastructure(base: AppConfig): Promise<AppConfig> {
  const secrets = localSecrets(base.dataDir);
  let config = base.jwtSecret ? base : base.with({ JWT_SECRET: secrets.jwtSecret });
  if (!config.databaseUrl) {
    const pg = await startEmbeddedPostgres(base.dataDir, secrets.postgresPassword, (l) => logger.warn(l), servers);
    config = config.with({ DATABASE_URL: pg.url });
    logger.log(`内置 PostgreSQL 已启动（数据目录 ${base.dataDir}/pg）`);
  }
  if (!config.redisUrl && config.queueBackend === 'postgres') {
    const binary = base.redisUrl === undefined ? redisServerOnPath() : null;
    if (binary) {
      config = config.with({ REDIS_URL: (await startEmbeddedRedis(binary, base.dataDir, servers)).url });
      logger.log(`内置 Redis 已启动（${binary}，数据目录 ${base.dataDir}/redis）`);
    } else {
      logger.warn('未设置 REDIS_URL，且 PATH 中没有 redis-server：队列改用 BullMQ 的 PostgreSQL 后端（仅适合单机试用）');
    }
  }
  return config;
}

/**
 * One command, everything: embedded servers when no URLs are given, migrations, the API and the
 * worker, all logging through one logger; the start-up summary comes last.
 */
async function main(): Promise<void> {
  const env = AppConfig.fromEnv();
  shutdownTimeoutMs = env.shutdownTimeoutMs;
  const root = createRootLogger(env);
  Logger.overrideLogger(new NestLogger(root));
  const config = await resolveInfrastructure(env);
  if (config.migrationsRun) await runMigrations(config.databaseUrl!);
  apps.push(await createWorkerApp(config, { shutdownHooks: false, logger: root }));
  const api = await createApiApp(config, { shutdownHooks: false, logger: root });
  apps.push(api);
  await api.listen(config.port, config.host);
  await logStartUpSummary(api);
}

/**
 * The API and the worker first (together, bounded: they may wait on a server that is gone),
 * then the servers this process started, each bounded too. 0 when everything stopped on its own.
 */
async function stop(): Promise<number> {
  const closed = await settlesWithin(Promise.allSettled(apps.map((app) => app.close())), shutdownTimeoutMs);
  if (!closed) logger.warn(`API 与 worker 未在 ${shutdownTimeoutMs / 1000} 秒内停止（SHUTDOWN_TIMEOUT_MS），不再等待`);
  const serversStopped = await servers.stopAll(SERVER_STOP_GRACE_MS);
  if (!serversStopped) logger.warn(`内置服务器未在 ${SERVER_STOP_GRACE_MS / 1000} 秒内停止，已强行结束`);
  return closed && serversStopped ? 0 : 1;
}

// Also replaces the exit hooks embedded-postgres installs, which would stop PostgreSQL first.
exitOnStopSignals({ stop, abort: () => servers.killAll() }, logger);

main().catch(async (error) => {
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  // Non-zero, so that a supervisor (or `npm start` in a script) sees the start failed, e.g. on a weak JWT_SECRET.
  await stop();
  process.exit(1);
});
