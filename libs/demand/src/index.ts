export * from './application/file-demand-list.service';
export * from './application/manage-zones.service';
export * from './application/read-demand-lists.service';
export * from './demand.errors';
export * from './demand.module';
export * from './domain/demand-list';
export * from './domain/zone';
