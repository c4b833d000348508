/**
 * `pnpm sync:status [--json]`: per site the live release, the content version it was built
 * from, the last build and its duration, the last error; the queue (waiting, running, dead
 * letters) and the CMS's content version.
 */
import {
  formatStatus,
  silentLogger,
  sqliteEventSource,
  sqliteStateStore,
  startSyncEngine,
  syncStatus,
  type BuildQueue,
  type SyncStatus,
} from '@pbgdpl/sync-engine';
import { COMMON_HELP, commonConfig, parse } from './config.ts';

const HELP = `Trạng thái đồng bộ các trang (sync status)

  pnpm sync:status [--json] [options]

${COMMON_HELP}
  --json                 one JSON object instead of the table`;

async function main() {
  const values = parse(process.argv.slice(2), {});
  if (values.help) return console.log(HELP);
  const config = commonConfig(values);
  let status: SyncStatus;
  if (config.database.kind === 'postgres') {
    const engine = await startSyncEngine({
      ...config,
      work: false,
      lead: false,
      dispatchIntervalMs: 0,
      reconcileIntervalMs: 0,
      log: silentLogger,
    });
    try {
      status = await syncStatus(engine);
    } finally {
      await engine.stop({ graceful: false });
    }
  } else {
    // The in-process queue lives in the worker; it publishes its counts beside the sites' state.
    const events = sqliteEventSource(config.database.file);
    const state = sqliteStateStore(config.database.file);
    try {
      const snapshot = await state.queueSnapshot!();
      const queue: Pick<BuildQueue, 'counts' | 'deadLetters'> = {
        counts: async () => snapshot.counts,
        deadLetters: async () => snapshot.deadLetters,
      };
      status = await syncStatus({ events, state, queue: queue as BuildQueue });
    } finally {
      await events.close();
      await state.close();
    }
  }
  if (config.sites) status.sites = status.sites.filter((s) => config.sites!.includes(s.site));
  console.log(values.json ? JSON.stringify(status) : formatStatus(status));
}

main().catch((error: unknown) => {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
