export { createTestDatabase, type TestDatabase } from './database.js';
export { testCmsEnv } from './secrets.js';
export { freePort, startCmsProcess, type CmsProcess } from './cms-process.js';
