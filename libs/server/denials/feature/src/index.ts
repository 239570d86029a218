export * from './lib/denials.module';
export * from './lib/denials-worker.module';
