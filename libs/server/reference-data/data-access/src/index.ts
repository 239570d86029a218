export * from './lib/import-outcome';
export * from './lib/fee-schedule.types';
export * from './lib/fee-schedule.repository';
export * from './lib/pprrvu-importer';
export * from './lib/shipped-reference-data';
export * from './lib/reference-data-access.module';
export * from './cli/import-cli';
