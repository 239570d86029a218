export * from './lib/cms-format.error';
export * from './lib/csv-line';
export * from './lib/pprrvu';
