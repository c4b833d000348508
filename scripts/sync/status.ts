/**
 * `pnpm sync:status [--json]`: per site the live release, the content version it was built
 * from, the last build and its duration, the last error; the queue (waiting, running, dead
 * letters) and the CMS's content version.
 */
import fs from 'node:fs';
import {
  fileStateStore,
  formatStatus,
  silentLogger,
  sqliteEventSource,
  startSyncEngine,
  syncStatus,
  type SyncStatus,
} from '@pbgdpl/sync-engine';
import { COMMON_HELP, commonConfig, parse, queueSnapshotFile } from './config.ts';

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
    const events = sqliteEventSource(config.database.file);
    const state = fileStateStore(config.database.stateFile);
    const file = queueSnapshotFile(config.outDir);
    const snapshot = fs.existsSync(file)
      ? (JSON.parse(fs.readFileSync(file, 'utf8')) as {
          counts: SyncStatus['queue'];
          deadLetters: SyncStatus['deadLetters'];
        })
      : { counts: { queued: 0, active: 0, deadLetters: 0 }, deadLetters: [] };
    status = await syncStatus({
      events,
      state,
      queue: {
        kind: 'in-process',
        counts: async () => snapshot.counts,
        deadLetters: async () => snapshot.deadLetters,
      } as never,
    });
    await events.close();
  }
  if (config.sites) status.sites = status.sites.filter((s) => config.sites!.includes(s.site));
  console.log(values.json ? JSON.stringify(status) : formatStatus(status));
}

main().catch((error: unknown) => {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
