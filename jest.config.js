/** Tests are compiled by `tsc -b` into lib/ and run as native ESM. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/lib/__tests__'],
  testMatch: ['**/*.test.js'],
  // dist.test.js rebuilds the bundles (half a minute): run by `npm run test:dist` and .ci/run.
  testPathIgnorePatterns: ['/dist\\.test\\.js$'],
  moduleFileExtensions: ['js', 'json'],
  transform: {},
  testTimeout: 60000,
  // Most suites wait on child processes, Azurite and timers more than they compute: four workers
  // keep both cores busy (measured on 2 cores: 108 s with two, about 80 s with four).
  maxWorkers: 4,
};
