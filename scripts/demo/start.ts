/**
 * `pnpm demo`: the quick start on the embedded default (SQLite). Checks first that the real data
 * and both ports are there, then builds the workspace, seeds the CMS with the demo subset of the
 * real data, starts the CMS, computes the national oversight figures once, generates every demo
 * site over GraphQL into the sync engine's release layout, starts a sync worker (in-process
 * queue) so a publish in the admin reaches the sites within seconds, and serves them; then prints
 * where to look and the demo accounts. Ctrl-C stops everything.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startStaticServer } from '../serve/static-server.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CMS = path.join(ROOT, 'cms');
const OUT = path.join(ROOT, '.demo', 'sites');
/** The open data beside the sites, served at /_open-data/ (docs/open-data.md). */
const OPEN_DATA = path.join(OUT, '_open-data');
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
/**
 * The real data the seed reads: PBGDPL_DATA_DIR (a relative path is taken from the repository
 * root, where `pnpm demo` runs, not from cms/ where the seed runs), else ../shared/data beside
 * the repository.
 */
const DATA_DIR = path.resolve(ROOT, process.env.PBGDPL_DATA_DIR?.trim() || path.join('..', 'shared', 'data'));
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

/** Whether something already listens on 127.0.0.1:port (another demo, another developer's CMS…). */
function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Fails at once, before minutes of building, when the real data is not where the seed looks. */
function checkDataDir() {
  if (!fs.existsSync(DATA_DIR) || !fs.statSync(DATA_DIR).isDirectory())
    throw new Error(
      `no data folder at ${DATA_DIR}. The demo seeds the real public data: put it there ` +
        '(../shared/data beside the repository) or point PBGDPL_DATA_DIR at it.',
    );
  process.env.PBGDPL_DATA_DIR = DATA_DIR;
}

/** Fails at once, before minutes of building, when a port the demo needs is taken. */
async function checkPorts() {
  const cmsTaken = await portInUse(CMS_PORT);
  const sitesTaken = await portInUse(SITES_PORT);
  if (!cmsTaken && !sitesTaken) return;
  const taken = [
    ...(cmsTaken ? [`${CMS_PORT} (CMS, PORT)`] : []),
    ...(sitesTaken ? [`${SITES_PORT} (sites, SITES_PORT)`] : []),
  ];
  throw new Error(
    `port ${taken.join(' and ')} already in use on 127.0.0.1. Stop what listens there, or choose other ports: ` +
      `PORT=${cmsTaken ? CMS_PORT + 10 : CMS_PORT} SITES_PORT=${sitesTaken ? SITES_PORT + 10 : SITES_PORT} pnpm demo`,
  );
}

/** The src/admin file changed last (the admin bundle is rebuilt when it is newer than the bundle). */
function newestMtime(dir: string): number {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .reduce(
      (newest, entry) =>
        Math.max(
          newest,
          entry.isDirectory()
            ? newestMtime(path.join(dir, entry.name))
            : fs.statSync(path.join(dir, entry.name)).mtimeMs,
        ),
      0,
    );
}

async function adminRequest<T>(
  method: string,
  route: string,
  jwt: string | null,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${CMS_URL}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(jwt ? { authorization: `Bearer ${jwt}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${text.slice(0, 300)}`);
  // Strapi's own routes answer under `data`; the coverage routes answer with the object itself.
  const json = JSON.parse(text) as { data?: T } & T;
  return (json.data ?? json) as T;
}

/**
 * The national oversight page ("Giám sát nội dung") shows the nightly (01:30) computation: on a
 * fresh database it would stay empty until the next night, so the demo computes it once now,
 * through the same admin route as the page's operators. It also gives each site's public
 * summary (the about page's "N/M") before the sites are generated.
 */
async function computeCoverage(jwt: string) {
  const run = await adminRequest<{ sites: number; day: string }>('POST', '/pbgdpl-coverage/compute', jwt);
  console.log(`  ${run.sites} sites computed for ${run.day}`);
}

/** The federation demo accounts the seed made (e-mail and role), to print with the URLs. */
async function demoAccounts(jwt: string): Promise<string[]> {
  const page = await adminRequest<{
    results: Array<{ email: string; roles: Array<{ name: string }> }>;
  }>('GET', '/admin/users?pageSize=100&sort=email:asc', jwt);
  return page.results
    .filter((u) => u.email.endsWith('@pbgdpl.demo') && u.email !== DEMO_ADMIN.email)
    .map((u) => `${u.email.padEnd(32)} ${u.roles.map((r) => r.name).join(', ')}`);
}

function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}

async function main() {
  checkDataDir();
  await checkPorts();
  step('Building the workspace (packages, CMS, site generator)');
  ensureCmsEnv();
  run('pnpm', ['run', 'build']);

  step('Building the CMS admin panel (first run and after admin changes only, about a minute)');
  const adminIndex = path.join(CMS, 'dist', 'build', 'index.html');
  if (
    !fs.existsSync(adminIndex) ||
    fs.statSync(adminIndex).mtimeMs < newestMtime(path.join(CMS, 'src', 'admin'))
  ) {
    run('pnpm', ['--filter', '@pbgdpl/cms', 'run', 'build:admin']);
  } else console.log('  already built, up to date');

  step('Seeding the CMS with the demo subset of the real data (SQLite)');
  run(process.execPath, ['dist/scripts/seed.js', '--subset', 'demo', '--demo-admin'], { cwd: CMS });

  // Before the CMS starts: a second process on the same SQLite file while the CMS runs would
  // contend for its lock. The CMS then refreshes it nightly at 02:15 (OPEN_DATA_DIR).
  step('Exporting the open data once (JSON Lines and CSV of every public type; nightly at 02:15 after)');
  run(process.execPath, ['dist/scripts/opendata-export.js', '--out', OPEN_DATA], { cwd: CMS });

  step(`Starting the CMS on ${CMS_URL}`);
  const cms = spawn(path.join(CMS, 'node_modules', '.bin', 'strapi'), ['start'], {
    cwd: CMS,
    // PBGDPL_SITES_URL: the sites' host is the only origin (besides the registry's own hosts)
    // whose pages may send forms and search counts to the CMS.
    env: {
      ...process.env,
      STRAPI_TELEMETRY_DISABLED: 'true',
      PORT: String(CMS_PORT),
      PBGDPL_SITES_URL: SITES_URL,
      OPEN_DATA_DIR: OPEN_DATA,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(cms);
  cms.on('exit', (code) => {
    if (code !== null && code !== 0) console.error(`The CMS exited with code ${code}`);
  });
  await waitForHealth(CMS_URL, 120_000);
  const jwt = (await adminRequest<{ token: string }>('POST', '/admin/login', null, DEMO_ADMIN)).token;

  step('Computing the national oversight figures (Giám sát nội dung; the CMS also does it nightly at 01:30)');
  await computeCoverage(jwt);
  // Asked now: the blocking builds below would leave this process's idle connection to the CMS stale.
  const accounts = await demoAccounts(jwt);

  step('Generating every demo site over GraphQL (releases: <site>/releases/<id>/, <site>/current)');
  run('pnpm', ['sync:build', '--all', '--out', OUT, '--cms', CMS_URL, '--batch-size', '25'], {
    env: SITES_ENV,
  });

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
                 oversight: ${CMS_URL}/admin/pbgdpl-coverage (Giám sát nội dung)
  Accounts       each limited to its own site, same password ${DEMO_ADMIN.password}:
${accounts.map((a) => `                 ${a}`).join('\n')}
  GraphQL        ${CMS_URL}/graphql
  REST           ${CMS_URL}/api/legal-documents?locale=vi
  Health         ${CMS_URL}/api/health
  Open data      http://127.0.0.1:${SITES_PORT}/_open-data/latest/manifest.json (docs/open-data.md)

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
  // fetch's own message ("fetch failed") says nothing: its cause names the refused connection.
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  console.error(`\nDemo failed: ${error instanceof Error ? error.message : String(error)}${cause}`);
  stopAll();
  process.exit(1);
});
