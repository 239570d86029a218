export * from './lib/ptp';
export * from './lib/mue';
export * from './lib/add-on';
export * from './lib/claim-edits';
