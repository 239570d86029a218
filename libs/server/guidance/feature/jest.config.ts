export default {
  displayName: 'server-guidance-feature',
  preset: '../../../../jest.preset.js',
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
};
