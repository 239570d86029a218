export * from './lib/guidance.module';
