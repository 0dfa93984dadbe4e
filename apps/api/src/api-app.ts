import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import { Clock, createRootLogger, NestLogger, RootLogger } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { ApiModule } from './api.module';
import { validationExceptionFactory } from './errors/validation-errors';
import { registerMultipartFormParser } from './http/form-body';
import { API_PREFIX, DOCS_PATH } from './http/paths';
import { RequestLogging, requestIdOf } from './http/request-logging';

/** Builds (does not start) the HTTP application for `config`; logs to `logger` (default: a new one from `config`). */
export async function createApiApp(config: AppConfig, options: { shutdownHooks: boolean; clock?: Clock; logger?: RootLogger }): Promise<NestFastifyApplication> {
  if (!config.jwtSecret) throw new Error('JWT_SECRET is not set (apps/standalone generates one for the embedded default)');
  const logger = options.logger ?? createRootLogger(config);
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: true,
    requestIdHeader: false,
    genReqId: requestIdOf,
    loggerInstance: logger,
    logController: new RequestLogging(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config, options.clock), adapter, { logger: new NestLogger(logger) });
  if (options.shutdownHooks) app.enableShutdownHooks();
  await app.register(helmet, { contentSecurityPolicy: false });
  registerMultipartFormParser(app.getHttpAdapter().getInstance());
  app.getHttpAdapter().getInstance().addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready'] });
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
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('EnterPark 进园区服务平台 API')
      .setDescription('需求清单、工单分派与一对一服务。所有路径位于 /api/v1 下；列表接口支持 limit 与 cursor 分页。')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
