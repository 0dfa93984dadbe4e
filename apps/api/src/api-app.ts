import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import { Logger } from 'nestjs-pino';
import { Clock } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { ApiModule } from './api.module';
import { validationExceptionFactory } from './errors/validation-errors';
import { registerMultipartFormParser } from './http/form-body';
import { requestIdOf } from './http/logger-options';

export const API_PREFIX = 'api/v1';

/** Builds (does not start) the HTTP application for `config`. */
export async function createApiApp(config: AppConfig, options: { shutdownHooks: boolean; clock?: Clock }): Promise<NestFastifyApplication> {
  if (!config.jwtSecret) throw new Error('JWT_SECRET is not set (apps/standalone generates one for the embedded default)');
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimitBytes, trustProxy: true, requestIdHeader: false, genReqId: requestIdOf });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config, options.clock), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
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
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
