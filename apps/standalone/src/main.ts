import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createRootLogger, NestLogger } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { runMigrations } from '@enterpark/database';
import { createApiApp } from '../../api/src/api-app';
import { logStartUpSummary } from '../../api/src/bootstrap/start-up-summary';
import { createWorkerApp } from '../../worker/src/worker-app';
import { startEmbeddedPostgres } from './embedded-postgres';
import { redisServerOnPath, startEmbeddedRedis } from './embedded-redis';
import { localSecrets } from './local-secrets';

const logger = new Logger('EnterPark');
const stops: (() => Promise<void>)[] = [];

/** Resolves the embedded default for whatever DATABASE_URL / REDIS_URL / JWT_SECRET leave unset. */
async function resolveInfrastructure(base: AppConfig): Promise<AppConfig> {
  const secrets = localSecrets(base.dataDir);
  let config = base.jwtSecret ? base : base.with({ JWT_SECRET: secrets.jwtSecret });
  if (!config.databaseUrl) {
    const pg = await startEmbeddedPostgres(base.dataDir, secrets.postgresPassword, (l) => logger.warn(l));
    stops.unshift(pg.stop);
    config = config.with({ DATABASE_URL: pg.url });
    logger.log(`内置 PostgreSQL 已启动（数据目录 ${base.dataDir}/pg）`);
  }
  if (!config.redisUrl && config.queueBackend === 'postgres') {
    const binary = base.redisUrl === undefined ? redisServerOnPath() : null;
    if (binary) {
      const redis = await startEmbeddedRedis(binary, base.dataDir);
      stops.unshift(redis.stop);
      config = config.with({ REDIS_URL: redis.url });
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
  const root = createRootLogger(env);
  Logger.overrideLogger(new NestLogger(root));
  const config = await resolveInfrastructure(env);
  if (config.migrationsRun) await runMigrations(config.databaseUrl!);
  const worker = await createWorkerApp(config, { shutdownHooks: false, logger: root });
  stops.unshift(() => worker.close());
  const api = await createApiApp(config, { shutdownHooks: false, logger: root });
  stops.unshift(() => api.close());
  await api.listen(config.port, config.host);
  await logStartUpSummary(api);
}

let stopping = false;
async function shutdown(signal: string, exitCode = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.log(`${signal}: shutting down`);
  for (const stop of stops) await stop().catch((e: Error) => logger.warn(`shutdown step failed: ${e.message}`));
  process.exit(exitCode);
}

// embedded-postgres installs exit hooks that stop PostgreSQL at the first signal and exit
// with 143, racing our orderly shutdown (API, then worker, then the servers). Ours decides.
process.removeAllListeners('SIGTERM');
process.removeAllListeners('SIGINT');
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

main().catch(async (error) => {
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  // Non-zero, so that a supervisor (or `npm start` in a script) sees the start failed, e.g. on a weak JWT_SECRET.
  await shutdown('startup failure', 1);
});
