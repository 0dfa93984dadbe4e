import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { createPostgresBackend, Queue, setDefaultBackendFactory } from 'bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Cluster } from 'ioredis';
import { AppConfig } from '@enterpark/config';
import { EventRedrive, QueuedJobs } from './event-redrive';
import { EventEntity } from './event.entity';
import { QueueConnection, queueConnection } from './queue-connection';
import { DEFAULT_JOB_OPTIONS, QUEUE_JOB_OPTIONS, QUEUE_NAMES } from './queues';

export interface QueueModuleOptions {
  /**
   * Queue calls fail at once while Redis is unreachable instead of waiting for it to come
   * back: what a process answering HTTP requests wants (it answers 503). Workers wait.
   */
  failFast?: boolean;
}

/**
 * The process's queue connection. A Cluster client is shared by every queue, which do not close
 * what they were given; it is closed here, after the processors (their duplicates are theirs).
 */
export class QueueConnectionHolder implements OnApplicationShutdown {
  constructor(readonly value: QueueConnection) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.value.connection instanceof Cluster) await this.value.connection.quit().catch(() => undefined);
  }
}

@Module({})
class QueueConnectionModule {
  static forRoot(options: QueueModuleOptions): DynamicModule {
    const holder = {
      provide: QueueConnectionHolder,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        if (config.queueBackend === 'postgres') setDefaultBackendFactory(createPostgresBackend);
        return new QueueConnectionHolder(queueConnection(config, options));
      },
    };
    return { module: QueueConnectionModule, providers: [holder], exports: [holder] };
  }
}

/** The event log's entity, and BullMQ on the configured backend with every queue of the catalogue. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(options: QueueModuleOptions = {}): DynamicModule {
    const queues = BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name, ...(QUEUE_JOB_OPTIONS[name] ? { defaultJobOptions: QUEUE_JOB_OPTIONS[name] } : {}) })));
    return {
      module: QueueModule,
      imports: [
        TypeOrmModule.forFeature([EventEntity]),
        BullModule.forRootAsync({
          imports: [QueueConnectionModule.forRoot(options)],
          inject: [QueueConnectionHolder],
          useFactory: ({ value: { connection, prefix } }: QueueConnectionHolder) => ({ connection: connection as never, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
        }),
        queues,
      ],
      providers: [
        {
          provide: QueuedJobs,
          useFactory: (...all: Queue[]) => new QueuedJobs(new Map(QUEUE_NAMES.map((name, i) => [name, all[i]]))),
          inject: QUEUE_NAMES.map((name) => getQueueToken(name)),
        },
        EventRedrive,
      ],
      exports: [queues, QueuedJobs, EventRedrive],
    };
  }
}
