export * from './lib/Money';
export * from './lib/StatusPanel';
export * from './lib/SiteLayout';
