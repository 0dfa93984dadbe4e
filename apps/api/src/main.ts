import 'reflect-metadata';
import { AppConfig } from '@enterpark/config';
import { runMigrations } from '@enterpark/database';
import { createApiApp } from './api-app';
import { logStartUpSummary } from './bootstrap/start-up-summary';

/** The API on its own, against DATABASE_URL and REDIS_URL (the deployable unit). */
async function main(): Promise<void> {
  const config = AppConfig.fromEnv();
  if (config.migrationsRun) await runMigrations(config.databaseUrl!);
  const app = await createApiApp(config, { shutdownHooks: true });
  await app.listen(config.port, config.host);
  await logStartUpSummary(app);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
