export * from './application/template-use.service';
export * from './application/templates.service';
export * from './domain/template';
export type { TemplateFilter } from './persistence/template.repository';
export * from './templates.errors';
export * from './templates.module';
