import { Controller, Get, Headers, Res, UnauthorizedException, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '@enterpark/config';
import { bearerMatches, Metrics } from '@enterpark/metrics';
import { Public } from '../auth/auth.decorators';

/** Prometheus scrapes this outside /api/v1, with METRICS_TOKEN as its bearer token when one is set. */
@ApiExcludeController()
@Public()
@Controller({ path: 'metrics', version: VERSION_NEUTRAL })
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    if (!bearerMatches(authorization, this.config.metricsToken)) throw new UnauthorizedException('需要指标访问令牌（METRICS_TOKEN）');
    void reply.header('content-type', this.metrics.contentType).send(await this.metrics.text());
  }
}
