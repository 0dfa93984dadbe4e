import 'reflect-metadata';
import { AppConfig } from '@enterpark/config';
import { runMigrations } from '@enterpark/database';
import { createWorkerApp } from './worker-app';

/** The worker on its own, against DATABASE_URL and REDIS_URL (the deployable unit). */
async function main(): Promise<void> {
  const config = AppConfig.fromEnv();
  if (config.migrationsRun) await runMigrations(config.databaseUrl!);
  await createWorkerApp(config, { shutdownHooks: true });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
