/**
 * `pnpm demo`: the quick start on the embedded default (SQLite). Builds the workspace, seeds the
 * CMS with the demo subset of the real data, starts the CMS, generates every demo site over
 * GraphQL into the sync engine's release layout, starts a sync worker (in-process queue) so a
 * publish in the admin reaches the sites within seconds, and serves them; then prints where to
 * look. Ctrl-C stops everything.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startStaticServer } from '../serve/static-server.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CMS = path.join(ROOT, 'cms');
const OUT = path.join(ROOT, '.demo', 'sites');
const CMS_PORT = Number(process.env.PORT ?? 1337);
const SITES_PORT = Number(process.env.SITES_PORT ?? 4321);
const CMS_URL = `http://127.0.0.1:${CMS_PORT}`;
/**
 * Where the demo serves the sites: the forms' return address (`returnTo`), so a citizen who sends
 * the question or report form without JavaScript comes back to the site's confirmation page
 * rather than the CMS's own page. The sites have no `baseUrl` in the demo registry.
 */
const SITES_URL = process.env.PBGDPL_SITES_URL || `http://127.0.0.1:${SITES_PORT}`;
/** Where citizens' browsers reach the CMS: the forms post there and the search pages count searches there. */
const PUBLIC_CMS_URL = process.env.PBGDPL_PUBLIC_CMS_URL || CMS_URL;
const SITES_ENV = { ...process.env, PBGDPL_SITES_URL: SITES_URL, PBGDPL_PUBLIC_CMS_URL: PUBLIC_CMS_URL };
const DEMO_ADMIN = { email: 'admin@pbgdpl.demo', password: 'PbgdplDemo2026' };
const started = Date.now();
const children: ChildProcess[] = [];

function step(message: string) {
  console.log(`\n▶ ${message} (+${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? process.env,
    stdio: 'inherit',
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

/** cms/.env with fresh secrets on first run; an existing file is kept as the operator left it. */
function ensureCmsEnv() {
  const file = path.join(CMS, '.env');
  if (fs.existsSync(file)) return;
  const secret = () => crypto.randomBytes(32).toString('base64');
  const lines = [
    '# Written by `pnpm demo` with fresh random secrets. See .env.example for every setting.',
    'HOST=127.0.0.1',
    `PORT=${CMS_PORT}`,
    `APP_KEYS=${secret()},${secret()}`,
    `API_TOKEN_SALT=${secret()}`,
    `ADMIN_JWT_SECRET=${secret()}`,
    `TRANSFER_TOKEN_SALT=${secret()}`,
    `JWT_SECRET=${secret()}`,
    `ENCRYPTION_KEY=${secret()}`,
    'DATABASE_FILENAME=.tmp/data.db',
    'STRAPI_TELEMETRY_DISABLED=true',
  ];
  fs.writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  console.log(`  wrote ${path.relative(ROOT, file)} with fresh secrets`);
}

async function waitForHealth(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(
    `The CMS did not answer ${url}/api/health within ${timeoutMs / 1000} s (see the log above)`,
  );
}

function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}

async function main() {
  step('Building the workspace (packages, CMS, site generator)');
  ensureCmsEnv();
  run('pnpm', ['run', 'build']);

  step('Building the CMS admin panel (first run only, about a minute)');
  if (!fs.existsSync(path.join(CMS, 'dist', 'build', 'index.html'))) {
    run('pnpm', ['--filter', '@pbgdpl/cms', 'run', 'build:admin']);
  } else console.log('  already built');

  step('Seeding the CMS with the demo subset of the real data (SQLite)');
  run(process.execPath, ['dist/scripts/seed.js', '--subset', 'demo', '--demo-admin'], { cwd: CMS });

  step(`Starting the CMS on ${CMS_URL}`);
  const cms = spawn(path.join(CMS, 'node_modules', '.bin', 'strapi'), ['start'], {
    cwd: CMS,
    env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', PORT: String(CMS_PORT) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(cms);
  cms.on('exit', (code) => {
    if (code !== null && code !== 0) console.error(`The CMS exited with code ${code}`);
  });
  await waitForHealth(CMS_URL, 120_000);

  step('Generating every demo site over GraphQL (releases: <site>/releases/<id>/, <site>/current)');
  run('pnpm', ['sync:build', '--all', '--out', OUT, '--cms', CMS_URL, '--batch-size', '25'], { env: SITES_ENV });

  step('Starting the sync worker: a publish in the admin rebuilds the sites it reaches');
  const worker = spawn('pnpm', ['sync:worker', '--out', OUT, '--cms', CMS_URL, '--batch-size', '25'], {
    cwd: ROOT,
    env: SITES_ENV,
    stdio: ['ignore', fs.openSync(path.join(ROOT, '.demo', 'sync-worker.log'), 'a'), 'inherit'],
  });
  children.push(worker);

  step(`Serving the sites on http://127.0.0.1:${SITES_PORT}/`);
  await startStaticServer({ root: OUT, port: SITES_PORT });
  const sites = fs
    .readdirSync(OUT)
    .filter((d) => !d.startsWith('.') && fs.existsSync(path.join(OUT, d, 'current', 'index.html')))
    .sort();

  console.log(`
PBGDPL demo is running (ready in ${((Date.now() - started) / 1000).toFixed(0)} s).

  CMS admin      ${CMS_URL}/admin    login ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}
  GraphQL        ${CMS_URL}/graphql
  REST           ${CMS_URL}/api/legal-documents?locale=vi
  Health         ${CMS_URL}/api/health

  Sync           publish in the admin → the sites it reaches are rebuilt and switched
                 (pnpm sync:status; worker log .demo/sync-worker.log)
  Forms          sent without JavaScript, they come back to ${SITES_URL}/<site>/… (PBGDPL_SITES_URL)

  Sites (${sites.length}), all at http://127.0.0.1:${SITES_PORT}/:
${sites.map((s) => `    http://127.0.0.1:${SITES_PORT}/${s}/`).join('\n')}

Press Ctrl-C to stop.`);
}

process.on('SIGINT', () => {
  stopAll();
  process.exit(0);
});
process.on('SIGTERM', () => {
  stopAll();
  process.exit(0);
});

main().catch((error: unknown) => {
  console.error(`\nDemo failed: ${error instanceof Error ? error.message : String(error)}`);
  stopAll();
  process.exit(1);
});
