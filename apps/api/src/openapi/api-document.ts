import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@enterpark/config';
import { ApiModule } from '../api.module';
import { ErrorResponse } from '../errors/error-body';
import { API_PREFIX } from '../http/paths';

/** Every route under /api/v1 except the health probes, which orchestrators call by fixed paths. */
export function applyApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health/live', 'health/ready', 'metrics'] });
}

export function describeApi(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('EnterPark 进园区服务平台 API')
      .setDescription('需求清单、工单分派与一对一服务。所有路径位于 /api/v1 下；列表接口支持 limit 与 cursor 分页。')
      .setVersion('1')
      .addBearerAuth()
      .build(),
    // Every error answers this shape; clients (the console) read its message and details.
    { extraModels: [ErrorResponse] },
  );
}

/**
 * The same document as GET /api/docs-json, without a database or a queue: Nest's preview
 * mode reads the modules' metadata and instantiates nothing. The console's typed client is
 * generated from it.
 */
export async function offlineApiDocument(): Promise<OpenAPIObject> {
  const config = AppConfig.fromEnv({}, { JWT_SECRET: 'offline-openapi-document-only-never-signs', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(ApiModule.forRoot(config), new FastifyAdapter(), { preview: true, logger: false });
  try {
    applyApiPrefix(app);
    return describeApi(app);
  } finally {
    await app.close();
  }
}
