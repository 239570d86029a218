export * from './lib/denial-report.types';
export * from './lib/denial-report.repository';
export * from './lib/outbox.repository';
export * from './lib/denial-stats.repository';
export * from './lib/submitter-key.repository';
export * from './lib/report-flag.repository';
export * from './lib/denials-data-access.module';
