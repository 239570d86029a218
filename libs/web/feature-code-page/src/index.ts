export * from './lib/CodePage';
