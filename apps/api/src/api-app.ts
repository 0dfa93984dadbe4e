import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import { Logger } from 'nestjs-pino';
import { Clock } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { ApiModule } from './api.module';
import { serveConsole } from './console/serve-console';
import { validationExceptionFactory } from './errors/validation-errors';
import { registerMultipartFormParser } from './http/form-body';
import { requestIdOf } from './http/logger-options';
import { applyApiPrefix, describeApi } from './openapi/api-document';

export { API_PREFIX } from './openapi/api-document';

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
  applyApiPrefix(app);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
      exceptionFactory: validationExceptionFactory,
    }),
  );
  SwaggerModule.setup('api/docs', app, describeApi(app), { jsonDocumentUrl: 'api/docs-json' });
  await serveConsole(app, config.consoleDir);
  return app;
}
