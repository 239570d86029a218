// Fault injection on the production build: processes killed and restarted under load.
export default {
  displayName: 'faults',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.faults-spec.ts'],
  testTimeout: 300_000,
  maxWorkers: 1,
  // A failed test can leave a Redis or BullMQ connection open; never let that hang CI.
  forceExit: true,
};
