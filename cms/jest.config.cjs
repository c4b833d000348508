// Each test file boots its own Strapi (from the compiled dist/) on its own database; one at a
// time, because two cores and ~500 MB per instance leave no room for parallel instances.
const preset = require('../packages/config/jest.preset.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  roots: ['<rootDir>/tests'],
  maxWorkers: 1,
  testTimeout: 120000,
  globalSetup: '<rootDir>/tests/global-setup.cjs',
};
