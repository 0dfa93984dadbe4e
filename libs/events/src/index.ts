export * from './event-catalogue';
export * from './event-outbox';
export * from './event.entity';
export * from './queue-connection';
export * from './queue.module';
export * from './queues';
export * from './summaries';
export * from './event-redrive';
