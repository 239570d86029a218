export * from './lib/error-code';
export * from './lib/domain-errors';
