export * from './application/create-user.service';
export * from './application/verify-credentials.service';
export * from './domain/user';
export * from './identity.errors';
export * from './identity.module';
export * from './persistence/user.repository';
