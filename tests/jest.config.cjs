// Cross-package suites: each boots a real CMS process, seeds it and builds real sites.
const preset = require('../packages/config/jest.preset.cjs');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  roots: ['<rootDir>/e2e'],
  maxWorkers: 1,
  testTimeout: 300000,
  // linkedom's CommonJS build requires css-select 7, which ships ESM only: let SWC compile the
  // HTML parser's dependency tree for Jest's module system.
  transformIgnorePatterns: [
    '^(?!.*/node_modules/\\.pnpm/(css-select|css-what|nth-check|domutils|dom-serializer|domhandler|entities|boolbase|domelementtype|htmlparser2|linkedom|cssom|cssomnom|html-escaper|uhyphen)@).*/node_modules/',
  ],
};
