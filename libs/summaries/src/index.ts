export * from './application/completion.service';
export * from './application/read-summaries.service';
export * from './application/redrive-stuck-completion.service';
export * from './domain/demand-list-summary';
export * from './domain/ticket-summary';
export * from './persistence/summary.repository';
export * from './summaries.errors';
export * from './summaries.module';
