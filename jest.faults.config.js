/**
 * The chaos suite (`npm run test:faults`): real processes, their own PostgreSQL and Redis on their
 * own ports and data directories, killed and restarted. One file at a time: each measures timings.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/faults'],
  testRegex: '.*\\.faults-spec\\.ts$',
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 300000,
  maxWorkers: 1,
};
