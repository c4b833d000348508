module.exports = {
  ...require('../../packages/config/jest.preset.cjs'),
  // Built output and fetched snapshots are not sources.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/dist-contract/', '/dist-generator/', '/.snapshots/'],
};
