import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import { Clock, createRootLogger, NestLogger, RootLogger } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { Metrics } from '@enterpark/metrics';
import { serveQueueDashboard } from './admin/queue-dashboard';
import { ApiModule } from './api.module';
import { serveConsole } from './console/serve-console';
import { validationExceptionFactory } from './errors/validation-errors';
import { registerMultipartFormParser } from './http/form-body';
import { recordHttpMetrics } from './metrics/http-metrics';
import { DOCS_PATH } from './http/paths';
import { RequestLogging, requestIdOf } from './http/request-logging';
import { applyApiPrefix, describeApi } from './openapi/api-document';

/** Builds (does not start) the HTTP application for `config`; logs to `logger` (default: a new one from `config`). */
export async function createApiApp(config: AppConfig, options: { shutdownHooks: boolean; clock?: Clock; logger?: RootLogger }): Promise<NestFastifyApplication> {
  if (!config.jwtSecret) throw new Error('JWT_SECRET is not set (apps/standalone generates one for the embedded default)');
  const logger = options.logger ?? createRootLogger(config);
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // Only proxies from TRUST_PROXY may name the client: it is the address sign-in failures are counted by.
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: requestIdOf,
    loggerInstance: logger,
    logController: new RequestLogging(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config, options.clock), adapter, { logger: new NestLogger(logger) });
  if (options.shutdownHooks) app.enableShutdownHooks();
  await app.register(helmet, { contentSecurityPolicy: false });
  registerMultipartFormParser(app.getHttpAdapter().getInstance());
  recordHttpMetrics(app.getHttpAdapter().getInstance(), app.get(Metrics));
  app.getHttpAdapter().getInstance().addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  applyApiPrefix(app);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      forbidUnknownValues: true,
      // The target lets the error messages read each rule's limits and allowed values (never sent back).
      validationError: { target: true, value: false },
      exceptionFactory: validationExceptionFactory,
    }),
  );
  SwaggerModule.setup(DOCS_PATH, app, describeApi(app), { jsonDocumentUrl: 'api/docs-json' });
  await serveQueueDashboard(app);
  await serveConsole(app, config.consoleDir);
  return app;
}
