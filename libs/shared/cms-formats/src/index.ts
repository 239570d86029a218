export * from './lib/cms-format.error';
export * from './lib/csv-line';
export * from './lib/pprrvu';
export * from './lib/simple-csv';
export * from './lib/ncci';
