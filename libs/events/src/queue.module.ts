import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Cluster } from 'ioredis';
import { AppConfig } from '@enterpark/config';
import { EventEntity } from './event.entity';
import { QueueConnection, queueConnection } from './queue-connection';
import { DEFAULT_JOB_OPTIONS, QUEUE_JOB_OPTIONS, QUEUE_NAMES } from './queues';

/**
 * The process's queue connection. A Cluster client is shared by every queue, which do not close
 * what they were given; it is closed here, after the processors (their duplicates are theirs).
 */
@Injectable()
export class QueueConnectionHolder implements OnApplicationShutdown {
  readonly value: QueueConnection;

  constructor(config: AppConfig) {
    if (config.queueBackend === 'postgres') setDefaultBackendFactory(createPostgresBackend);
    this.value = queueConnection(config);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.value.connection instanceof Cluster) await this.value.connection.quit().catch(() => undefined);
  }
}

@Module({ providers: [QueueConnectionHolder], exports: [QueueConnectionHolder] })
class QueueConnectionModule {}

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
          imports: [QueueConnectionModule],
          inject: [QueueConnectionHolder],
          useFactory: ({ value: { connection, prefix } }: QueueConnectionHolder) => ({ connection: connection as never, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
        }),
        queues,
      ],
      exports: [queues],
    };
  }
}
