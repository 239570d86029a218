export * from './lib/StaffArea';
export * from './lib/ModerationRulesPage';
