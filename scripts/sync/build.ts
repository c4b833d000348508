/**
 * `pnpm sync:build --all | --site CODES`: build sites now, through the same queue and release
 * steps as the workers (checked, precompressed, switched atomically, recorded), and wait until
 * they are done — the cold build of a deployment, or a manual rebuild. A progress bar on a
 * terminal (stderr); JSON logs on stdout. Exit 1 when a site failed every retry.
 */
import fs from 'node:fs';
import { jsonLogger, startSyncEngine } from '@pbgdpl/sync-engine';
import { COMMON_HELP, commonConfig, parse, wholeNumber } from './config.ts';

const HELP = `Dựng các trang ngay (build sites now, release layout)

  pnpm sync:build --all | --site CODES [options]

${COMMON_HELP}
  --site CODES           sites to build (comma-separated)
  --all                  every enabled site (or every --sites one)
  --concurrency N        batches at once (default 1)
  --batch-size N         sites per generator run (default 10)`;

function progressBar(total: number) {
  const tty = process.stderr.isTTY;
  const started = Date.now();
  let done = 0;
  let failed = 0;
  const draw = () => {
    if (!tty) return;
    const width = 30;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    const elapsed = (Date.now() - started) / 1000;
    const eta = done > 0 ? ((elapsed / done) * (total - done)).toFixed(0) : '?';
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} sites, ${failed} failed, ${elapsed.toFixed(0)} s, ~${eta} s left `,
    );
  };
  draw();
  return {
    tick(ok: boolean) {
      done += 1;
      if (!ok) failed += 1;
      draw();
    },
    end() {
      if (tty) process.stderr.write('\n');
    },
  };
}

async function main() {
  const values = parse(process.argv.slice(2), {
    site: { type: 'string' },
    all: { type: 'boolean', default: false },
    concurrency: { type: 'string' },
    'batch-size': { type: 'string' },
  });
  if (values.help) return console.log(HELP);
  const config = commonConfig(values);
  const log = jsonLogger(undefined, { pid: process.pid });
  fs.mkdirSync(config.outDir, { recursive: true });
  const results = new Map<string, boolean>();
  let bar: ReturnType<typeof progressBar> | null = null;
  const engine = await startSyncEngine({
    ...config,
    ...(config.token ? { token: config.token } : {}),
    concurrency: wholeNumber(values.concurrency, 1, '--concurrency') || 1,
    batchSize: wholeNumber(values['batch-size'], 10, '--batch-size') || 1,
    dispatchIntervalMs: 0,
    reconcileIntervalMs: 0,
    lead: false,
    retry: { retryLimit: 1, retryDelaySeconds: 1 },
    log,
    onSite: (result) => {
      results.set(result.code, result.ok);
      bar?.tick(result.ok);
    },
  });
  try {
    const registry = await engine.registry({ fresh: true });
    const enabled = registry
      .all()
      .filter((s) => s.enabled !== false)
      .map((s) => s.id);
    const wanted = values.all
      ? enabled.filter((c) => !config.sites || config.sites.includes(c))
      : String(values.site ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
    if (wanted.length === 0) throw new Error('Give --all or --site CODES.');
    const unknown = wanted.filter((c) => !enabled.includes(c));
    if (unknown.length > 0) throw new Error(`Unknown or disabled site(s): ${unknown.join(', ')}`);
    bar = progressBar(wanted.length);
    for (const site of wanted) await engine.queue.enqueue({ site, version: 0, reason: 'sync:build' });
    for (;;) {
      const counts = await engine.queue.counts();
      if (counts.queued + counts.active === 0 && results.size >= wanted.length) break;
      if (counts.queued + counts.active === 0 && counts.deadLetters > 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    bar.end();
    const failed = wanted.filter((c) => results.get(c) !== true);
    console.error(
      failed.length === 0
        ? `Built ${wanted.length} site(s) into ${config.outDir}`
        : `Failed: ${failed.join(', ')}`,
    );
    process.exitCode = failed.length === 0 ? 0 : 1;
  } finally {
    await engine.stop({ graceful: true });
  }
}

main().catch((error: unknown) => {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
