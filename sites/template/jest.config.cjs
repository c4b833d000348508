module.exports = {
  ...require('../../packages/config/jest.preset.cjs'),
  // Built output is not a source.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/dist-contract/'],
};
