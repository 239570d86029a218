export * from './lib/denials.module';
