export * from './test-context';
export * from './test-infrastructure';
export * from './test-clock';
export * from './test-smtp-server';
export * from './settle-queues';
export * from './test-webhook-receiver';
export * from './test-sse-client';
