// The point-in-time drill starts two PostgreSQL clusters: minutes on a loaded machine, not 5 s.
module.exports = { ...require('../config/jest.preset.cjs'), testTimeout: 180000 };
