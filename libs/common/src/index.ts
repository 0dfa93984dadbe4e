export * from './access';
export * from './assert-never';
export * from './clock';
export * from './clock.module';
export * from './domain-error';
export * from './ids';
export * from './pagination';
export * from './service-type';
