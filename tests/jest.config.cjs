// Cross-package suites: each boots a real CMS process, seeds it and builds real sites.
const preset = require('../packages/config/jest.preset.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  roots: ['<rootDir>/e2e'],
  maxWorkers: 1,
  testTimeout: 300000,
};
