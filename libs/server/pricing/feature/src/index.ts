export * from './lib/pricing.module';
