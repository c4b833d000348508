/* global process, setTimeout */
// Runs a sync engine in its own Node process for tests/e2e/sync*.test.ts (pg-boss is ESM only,
// which Jest's module system cannot load) and answers the test's calls over IPC.
import fs from 'node:fs';
import { jsonLogger, startSyncEngine } from '@pbgdpl/sync-engine';

const config = JSON.parse(process.argv[2]);
// A driven clock for the builds' date (date-flip.test.ts): config.clock is its first moment.
let clock = config.clock ? new Date(config.clock) : null;
const engine = await startSyncEngine({
  ...config,
  ...(clock ? { now: () => clock } : {}),
  log: jsonLogger((line) => fs.appendFileSync(config.logFile, `${line}\n`)),
  onSite: (result) => process.send({ type: 'site', result }),
});
const ops = {
  dispatch: () => engine.dispatch(),
  reconcile: () => engine.reconcile(),
  sites: () => engine.state.sites(),
  counts: () => engine.queue.counts(),
  version: () => engine.events.contentVersion(),
  saveCursor: (cursor) => engine.state.saveCursor(cursor),
  enqueue: (data) => engine.queue.enqueue(data),
  // What a worker records of its builds (dates cross IPC as ISO strings).
  recordRequested: (sites, version, at) => engine.state.recordRequested(sites, version, new Date(at)),
  recordSuccess: (site, success) =>
    engine.state.recordSuccess(site, { ...success, builtAt: new Date(success.builtAt) }),
  recordFailure: (site, error, at) => engine.state.recordFailure(site, error, new Date(at)),
  setClock: (moment) => {
    clock = new Date(moment);
  },
  stop: async () => {
    await engine.stop({ graceful: false });
    setTimeout(() => process.exit(0), 10);
  },
};
process.on('message', async (message) => {
  if (!message || typeof message.id !== 'number') return;
  try {
    const value = await ops[message.op](...(message.args ?? []));
    process.send({ id: message.id, ok: true, value });
  } catch (error) {
    process.send({ id: message.id, ok: false, error: String(error?.stack ?? error) });
  }
});
process.send({ type: 'ready' });
