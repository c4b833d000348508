module.exports = {
  ...require('../config/jest.preset.cjs'),
  // Built output and fetched snapshots are not sources.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.snapshots/'],
};
