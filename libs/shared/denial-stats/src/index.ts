export * from './lib/denial-stats';
