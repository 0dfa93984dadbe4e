export * from './application/manage-providers.service';
export * from './domain/service-provider';
export * from './matching.errors';
export * from './matching.module';
