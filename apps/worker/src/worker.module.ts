import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Clock, ClockModule } from '@enterpark/common';
import { AppConfig, ConfigModule } from '@enterpark/config';
import { DatabaseModule } from '@enterpark/database';
import { QueueModule } from '@enterpark/events';
import { RoutingModule } from '@enterpark/routing';
import { TicketsModule } from '@enterpark/tickets';
import { checkCatalogue } from './catalogue-check';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { Reconciler } from './routing/reconciler.service';
import { RoutingProcessor } from './routing/routing.processor';
import { TimersProcessor } from './timers/timers.processor';

/** Queue processors, the outbox relay and the reconciler. No controllers. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    checkCatalogue({ routing: RoutingProcessor.handles, timers: TimersProcessor.handles });
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel, transport: config.logPretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined } }),
        ClockModule.forRoot(clock),
        DatabaseModule,
        QueueModule.forRoot(),
        RoutingModule,
        TicketsModule,
      ],
      providers: [OutboxRelay, Reconciler, RoutingProcessor, TimersProcessor],
    };
  }
}
