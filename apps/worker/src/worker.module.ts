import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ClockModule } from '@enterpark/common';
import { AppConfig, ConfigModule } from '@enterpark/config';
import { DatabaseModule } from '@enterpark/database';
import { QueueModule } from '@enterpark/events';
import { RoutingModule } from '@enterpark/routing';
import { checkCatalogue } from './catalogue-check';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { Reconciler } from './routing/reconciler.service';
import { RoutingProcessor } from './routing/routing.processor';

/** Queue processors, the outbox relay and the reconciler. No controllers. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    checkCatalogue({ routing: RoutingProcessor.handles });
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel, transport: config.logPretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined } }),
        ClockModule,
        DatabaseModule,
        QueueModule.forRoot(),
        RoutingModule,
      ],
      providers: [OutboxRelay, Reconciler, RoutingProcessor],
    };
  }
}
