export * from './lib/reference-data.module';
export * from './lib/reference-data-worker.module';
export * from './lib/code.resolver';
export * from './lib/jobs/reference-data.job-handler';
