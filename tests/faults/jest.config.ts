// Fault injection on the production build: processes killed and restarted under load.
export default {
  displayName: 'faults',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.faults-spec.ts'],
  testTimeout: 300_000,
  maxWorkers: 1,
};
