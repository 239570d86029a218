export * from './lib/ToolkitPage';
