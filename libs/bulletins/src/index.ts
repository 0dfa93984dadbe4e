export * from './application/compose-bulletin.service';
export * from './application/issue-bulletin.service';
export * from './bulletins.errors';
export * from './bulletins.module';
export * from './domain/bulletin-content';
export { StoredBulletin } from './persistence/bulletin.repository';
