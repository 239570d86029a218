export * from './lib/shipped-files';
export * from './lib/already-loaded';
