export * from './lib/Money';
export * from './lib/StatusPanel';
export * from './lib/SiteLayout';
export * from './lib/places-of-service';
export * from './lib/FindingsList';
export * from './lib/SectionErrorBoundary';
export * from './lib/DataFreshnessBanner';
