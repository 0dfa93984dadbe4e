import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@enterpark/config';
import { EventEntity } from './event.entity';
import { queueConnection } from './queue-connection';
import { DEFAULT_JOB_OPTIONS, QUEUE_JOB_OPTIONS, QUEUE_NAMES } from './queues';

/** The event log's entity, and BullMQ on the configured backend with every queue of the catalogue. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    const queues = BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name, ...(QUEUE_JOB_OPTIONS[name] ? { defaultJobOptions: QUEUE_JOB_OPTIONS[name] } : {}) })));
    return {
      module: QueueModule,
      imports: [
        TypeOrmModule.forFeature([EventEntity]),
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => {
            if (config.queueBackend === 'postgres') setDefaultBackendFactory(createPostgresBackend);
            const { connection, prefix } = queueConnection(config);
            return { connection: connection as never, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS };
          },
        }),
        queues,
      ],
      exports: [queues],
    };
  }
}
