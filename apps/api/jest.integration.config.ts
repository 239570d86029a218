export default {
  displayName: 'api',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.integration-spec.ts'],
  globalSetup: '../../tools/testing/integration-global-setup.ts',
  globalTeardown: '../../tools/testing/integration-global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 1,
  // A failed test can leave a Redis or BullMQ connection open; never let that hang CI.
  forceExit: true,
};
