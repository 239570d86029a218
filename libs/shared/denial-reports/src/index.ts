export * from './lib/report-vocabulary';
export * from './lib/payers';
export * from './lib/report-input';
export * from './lib/narrative-similarity';
export * from './lib/service-quarter';
