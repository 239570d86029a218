export * from './lib/ClaimPage';
