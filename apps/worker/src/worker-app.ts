import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { Clock } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { WorkerModule } from './worker.module';

/** Builds and starts the worker: processors begin consuming, the relay and reconciler begin polling. */
export async function createWorkerApp(config: AppConfig, options: { shutdownHooks: boolean; clock?: Clock }): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options.clock), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  if (options.shutdownHooks) app.enableShutdownHooks();
  await app.init();
  return app;
}
