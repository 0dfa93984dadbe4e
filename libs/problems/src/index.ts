export * from './application/manage-problems.service';
export * from './application/problem-statistics.service';
export * from './application/problem-suggestions.service';
export * from './application/read-problems.service';
export * from './domain/problem';
export type { ProblemFilter } from './persistence/problem.repository';
export * from './problems.errors';
export * from './problems.module';
