import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics';

/** The process's one Metrics, injectable anywhere (mail and webhooks count their outcomes). */
@Global()
@Module({
  providers: [{ provide: Metrics, useFactory: () => Metrics.shared() }],
  exports: [Metrics],
})
export class MetricsModule {}
