/**
 * `pnpm sync:worker`: a sync process — build workers, and (one per deployment, elected) the
 * dispatcher and reconciler. Run as many as you like against one PostgreSQL (each machine
 * writes into its own or a shared --out; see packages/sync-engine/README.md). SIGTERM/SIGINT:
 * running builds finish (up to --shutdown-timeout), then it exits; a build that cannot finish
 * is left to pg-boss, which gives it to another worker once its heartbeat stops.
 */
import fs from 'node:fs';
import { jsonLogger, startSyncEngine } from '@pbgdpl/sync-engine';
import { COMMON_HELP, commonConfig, parse, wholeNumber } from './config.ts';

const HELP = `Chạy tiến trình đồng bộ (sync worker)

  pnpm sync:worker [options]

${COMMON_HELP}
  --concurrency N        batches built at once by this process (default 1)
  --batch-size N         sites per generator run (default 10)
  --dispatch-interval MS events within one interval coalesce (default 1000)
  --reconcile-interval S reconciler period in seconds (default 300; 0 = off)
  --heartbeat S          pg-boss: a dead worker's job is retried after S seconds (default 30, ≥ 10)
  --shutdown-timeout S   how long SIGTERM waits for running builds (default 120)
  --no-lead              never dispatch or reconcile (build only)
  --no-work              dispatch and reconcile only
Logs: one JSON object per line on stdout.`;

async function main() {
  const values = parse(process.argv.slice(2), {
    concurrency: { type: 'string' },
    'batch-size': { type: 'string' },
    'dispatch-interval': { type: 'string' },
    'reconcile-interval': { type: 'string' },
    heartbeat: { type: 'string' },
    'shutdown-timeout': { type: 'string' },
    'no-lead': { type: 'boolean', default: false },
    'no-work': { type: 'boolean', default: false },
  });
  if (values.help) return console.log(HELP);
  const config = commonConfig(values);
  const log = jsonLogger(undefined, { pid: process.pid });
  fs.mkdirSync(config.outDir, { recursive: true });
  const engine = await startSyncEngine({
    ...config,
    ...(config.token ? { token: config.token } : {}),
    concurrency: wholeNumber(values.concurrency, 1, '--concurrency') || 1,
    batchSize: wholeNumber(values['batch-size'], 10, '--batch-size') || 1,
    dispatchIntervalMs: wholeNumber(values['dispatch-interval'], 1000, '--dispatch-interval'),
    reconcileIntervalMs: wholeNumber(values['reconcile-interval'], 300, '--reconcile-interval') * 1000,
    pgBoss: { heartbeatSeconds: wholeNumber(values.heartbeat, 30, '--heartbeat') },
    lead: !values['no-lead'],
    work: !values['no-work'],
    log,
  });
  log('info', 'sync worker started', {
    queue: engine.queue.kind,
    outDir: config.outDir,
    cms: config.cmsUrl,
    sites: config.sites?.length ?? 'all',
  });
  const timeoutMs = wholeNumber(values['shutdown-timeout'], 120, '--shutdown-timeout') * 1000;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log('info', 'stopping: running builds finish first', { signal, timeoutMs });
    await engine.stop({ graceful: true, timeoutMs });
    log('info', 'sync worker stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(
    JSON.stringify({
      time: new Date().toISOString(),
      level: 'error',
      msg: 'sync worker failed',
      error: String(error instanceof Error ? error.stack : error),
    }),
  );
  process.exit(1);
});
