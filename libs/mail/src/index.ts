export * from './mail-draft';
export * from './mail-outbox.service';
export * from './mail.module';
