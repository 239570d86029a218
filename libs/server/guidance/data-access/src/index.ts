export * from './lib/curated-tip.types';
export * from './lib/curated-tip.repository';
export * from './lib/guidance-data-access.module';
export * from './lib/toolkit.repository';
