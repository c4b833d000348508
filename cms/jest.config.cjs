// Each test file boots its own Strapi (from the compiled dist/) on its own database; one at a
// time, because two cores and ~500 MB per instance leave no room for parallel instances.
const preset = require('../packages/config/jest.preset.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  roots: ['<rootDir>/tests'],
  maxWorkers: 1,
  // Each file boots a Strapi; what an instance leaves behind adds up over ~50 files (the run in
  // band reached V8's 4 GB heap limit). With a limit, the file runs in a worker that is replaced
  // once it has grown past it.
  workerIdleMemoryLimit: '1500MB',
  testTimeout: 120000,
  globalSetup: '<rootDir>/tests/global-setup.cjs',
};
