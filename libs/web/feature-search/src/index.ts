export * from './lib/CodeSearch';
