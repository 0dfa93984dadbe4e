import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Clock, createRootLogger, exitOnStopSignals, NestLogger, RootLogger, settlesWithin } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { WorkerModule } from './worker.module';

/**
 * Builds and starts the worker: processors begin consuming, the relay and reconciler begin polling.
 * Logs to `logger` (default: a new one from `config`).
 */
export async function createWorkerApp(config: AppConfig, options: { shutdownHooks: boolean; clock?: Clock; logger?: RootLogger }): Promise<INestApplicationContext> {
  const logger = new NestLogger(options.logger ?? createRootLogger(config));
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options.clock), { logger });
  // Bounded: with PostgreSQL or Redis gone, Nest's own hooks could wait for them forever.
  if (options.shutdownHooks) exitOnStopSignals({ stop: async () => ((await settlesWithin(app.close(), config.shutdownTimeoutMs)) ? 0 : 1) });
  await app.init();
  return app;
}
