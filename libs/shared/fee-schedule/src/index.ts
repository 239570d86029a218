export * from './lib/hcpcs-code';
export * from './lib/date-of-service';
export * from './lib/release-selection';
export * from './lib/status-code';
export * from './lib/payment-amount';
export * from './lib/money';
export * from './lib/conversion-factors';
export * from './lib/setting-amount';
