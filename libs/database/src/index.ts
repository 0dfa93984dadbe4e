export * from './data-source-options';
export * from './database.module';
export * from './run-migrations';
export * from './transaction-runner';
export * from './prepared-query';
