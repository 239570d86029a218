export default {
  displayName: 'shared-fee-schedule',
  preset: '../../../jest.preset.js',
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  // The two base-formula property files (one per shipped year) take about a minute each: run them side by side.
  maxWorkers: 2,
};
