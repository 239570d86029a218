export * from './lib/billing-tip';
export * from './lib/code-facts';
export * from './lib/billing-tips';
export * from './lib/fee-schedule-tips';
export * from './lib/ncci-tips';
export * from './lib/community-tips';
export * from './lib/toolkit';
