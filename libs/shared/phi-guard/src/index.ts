export * from './lib/scan-text';
