export * from './domain/scoring';
export * from './domain/segmenter';
export * from './domain/thesaurus';
