import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { createPostgresBackend, Queue, setDefaultBackendFactory } from 'bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@enterpark/config';
import { EventRedrive, QueuedJobs } from './event-redrive';
import { EventEntity } from './event.entity';
import { queueConnection } from './queue-connection';
import { DEFAULT_JOB_OPTIONS, QUEUE_JOB_OPTIONS, QUEUE_NAMES } from './queues';

export interface QueueModuleOptions {
  /**
   * Queue calls fail at once while Redis is unreachable instead of waiting for it to come
   * back: what a process answering HTTP requests wants (it answers 503). Workers wait.
   */
  failFast?: boolean;
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
          inject: [AppConfig],
          useFactory: (config: AppConfig) => {
            if (config.queueBackend === 'postgres') setDefaultBackendFactory(createPostgresBackend);
            const { connection, prefix } = queueConnection(config, options);
            return { connection: connection as never, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS };
          },
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
