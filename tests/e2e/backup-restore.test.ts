import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import {
  listFiles,
  postgresTableDigests,
  sha256File,
  sqliteTableDigests,
  type BackupManifest,
  type TableDigest,
} from '@pbgdpl/operations';
import {
  createTestDatabase,
  freePort,
  startCmsProcess,
  testCmsEnv,
  type CmsProcess,
  type TestDatabase,
} from '@pbgdpl/test-support';
import { BACKUP_SITES, fillCms, type FilledCms } from './backup-fixtures';
import { cmsRequest } from './cms-api';
import { CMS_DIR, ROOT } from './workspace';

/**
 * Backup and restore, round trip (issue 19): a CMS filled through its API is backed up while it
 * runs (`pnpm ops:backup`), restored into a fresh database and uploads folder (`pnpm ops:restore`)
 * and started on another port with the same secrets; the sites built from each are compared byte
 * for byte. Same rows (every table's digest), same files, same sites. PostgreSQL with
 * TEST_DATABASE_URL (CI), else SQLite.
 */
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-backup-'));
const secrets = testCmsEnv();
/** Where the sites' forms post and return to: the same public addresses for both builds. */
const PUBLIC_ENV = {
  PBGDPL_PUBLIC_CMS_URL: 'https://cms.pbgdpl.example',
  PBGDPL_SITES_URL: 'http://127.0.0.1:4321',
};
const AS_OF = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);

let source: TestDatabase;
let target: TestDatabase;
let cms: CmsProcess | null = null;
let restored: CmsProcess | null = null;
let filled: FilledCms;
let backupDir = '';
let manifest: BackupManifest;
let sourceDigests: TableDigest[];
let restoredDigests: TableDigest[];
const dirs = {
  sourcePublic: path.join(work, 'source-public'),
  restoredPublic: path.join(work, 'restored-public'),
  backups: path.join(work, 'backups'),
  sitesFromSource: path.join(work, 'sites-source'),
  sitesFromRestored: path.join(work, 'sites-restored'),
};

/** `--database-url URL` or `--sqlite FILE` for a test database. */
const databaseArgs = (db: TestDatabase) =>
  db.env.DATABASE_URL ? ['--database-url', db.env.DATABASE_URL] : ['--sqlite', db.env.DATABASE_FILENAME!];

/** Runs an operator command as an operator would (`node scripts/ops/<name>.ts`); its status and output. */
function ops(name: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'ops', `${name}.ts`), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    timeout: 300_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function digestsOf(db: TestDatabase): Promise<TableDigest[]> {
  if (db.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: db.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query('BEGIN READ ONLY');
      return await postgresTableDigests(client);
    } finally {
      await client.query('COMMIT');
      await client.end();
    }
  }
  const sqlite = new Database(db.env.DATABASE_FILENAME!, { readonly: true });
  try {
    return sqliteTableDigests(sqlite);
  } finally {
    sqlite.close();
  }
}

/** Builds the test's sites from a CMS with the command operators use (`pnpm sites:build`). */
function buildSites(cmsUrl: string, outDir: string): void {
  const result = spawnSync(
    'pnpm',
    ['sites:build', '--site', BACKUP_SITES.join(','), '--out', outDir, '--cms', cmsUrl, '--as-of', AS_OF],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...PUBLIC_ENV }, timeout: 600_000 },
  );
  if (result.status !== 0)
    throw new Error(`sites:build from ${cmsUrl} failed:\n${result.stdout}\n${result.stderr}`);
}

/** Every file under a folder with its SHA-256. */
async function tree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const rel of listFiles(dir)) files.set(rel, await sha256File(path.join(dir, rel)));
  return files;
}

/**
 * What the static tier serves (each site's folder and `_national/`, not the generator's dot-named
 * caches, which key media by the CMS's address), each file's SHA-256 after masking the three
 * values every build mints afresh — two builds of the same content differ in them, restore or
 * not: the forms' page tokens (signed, with their issue time and a random part), the national
 * search bundle's `builtAt`, and the service worker's version (a hash over the other files).
 */
function servedFiles(dir: string) {
  const minted = { token: 0, builtAt: 0, swVersion: 0 };
  const mask = (text: string) =>
    text
      .replace(/name="token" value="[^"]*"/g, () => (minted.token++, 'name="token" value="…"'))
      .replace(/"builtAt":"[^"]*"/g, () => (minted.builtAt++, '"builtAt":"…"'))
      .replace(
        /^const CONFIG = (\{"site":"[^"]*","base":"[^"]*"),"version":"[0-9a-f]+"/,
        (_m, head: string) => (minted.swVersion++, `const CONFIG = ${head},"version":"…"`),
      );
  const files = new Map<string, string>();
  for (const rel of listFiles(dir).filter((f) => !f.startsWith('.'))) {
    const bytes = fs.readFileSync(path.join(dir, rel));
    const text = /\.(html|json|js)$/.test(rel) ? mask(bytes.toString('utf8')) : null;
    files.set(
      rel,
      createHash('sha256')
        .update(text ?? bytes)
        .digest('hex'),
    );
  }
  return { files, minted };
}

beforeAll(async () => {
  fs.mkdirSync(path.join(dirs.sourcePublic, 'uploads'), { recursive: true });
  source = await createTestDatabase('backup_source', path.join(CMS_DIR, '.tmp'));
  target = await createTestDatabase('backup_restored', path.join(CMS_DIR, '.tmp'));
  // A mail server that refuses connections: the staff and assignment emails stay queued in the
  // outbox (retried tomorrow, so nothing moves while the test runs) and are part of the backup.
  const smtp = {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(await freePort()),
    SMTP_FROM: 'PBGDPL <khong-tra-loi@pbgdpl.test>',
    SMTP_RETRY_DELAYS_MS: '86400000',
  };
  cms = await startCmsProcess({
    cmsDir: CMS_DIR,
    env: {
      ...secrets,
      ...source.env,
      ...smtp,
      CMS_PUBLIC_DIR: dirs.sourcePublic,
      // The sites' host: the only page origin whose forms the CMS accepts (docs/security.md).
      PBGDPL_SITES_URL: PUBLIC_ENV.PBGDPL_SITES_URL,
    },
  });
  filled = await fillCms(cms.url, PUBLIC_ENV.PBGDPL_SITES_URL);
  buildSites(cms.url, dirs.sitesFromSource);

  // The CMS's env file as an operator keeps it: the backup must record its names, never its values.
  const envFile = path.join(work, 'cms.env');
  fs.writeFileSync(
    envFile,
    Object.entries(secrets)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  );
  const backup = ops('backup', [
    '--out',
    dirs.backups,
    '--uploads',
    path.join(dirs.sourcePublic, 'uploads'),
    '--env-file',
    envFile,
    '--json',
    ...databaseArgs(source),
  ]);
  if (backup.status !== 0) throw new Error(`ops:backup failed:\n${backup.stdout}\n${backup.stderr}`);
  const result = JSON.parse(backup.stdout) as { dir: string; bytes: number; seconds: number };
  backupDir = result.dir;
  manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')) as BackupManifest;
  console.log(
    `backup: ${(result.bytes / 1024).toFixed(0)} KiB in ${result.seconds.toFixed(2)} s (${manifest.database.client})`,
  );

  await cms.stop();
  cms = null;
  sourceDigests = await digestsOf(source);

  const restore = ops('restore', [
    '--from',
    backupDir,
    '--uploads',
    path.join(dirs.restoredPublic, 'uploads'),
    '--json',
    ...databaseArgs(target),
  ]);
  if (restore.status !== 0) throw new Error(`ops:restore failed:\n${restore.stdout}\n${restore.stderr}`);
  console.log(`restore: ${restore.stdout.trim()}`);
  restoredDigests = await digestsOf(target);

  restored = await startCmsProcess({
    cmsDir: CMS_DIR,
    env: {
      ...secrets,
      ...target.env,
      CMS_PUBLIC_DIR: dirs.restoredPublic,
      PBGDPL_SITES_URL: PUBLIC_ENV.PBGDPL_SITES_URL,
    },
  });
  buildSites(restored.url, dirs.sitesFromRestored);
}, 1_500_000);

afterAll(async () => {
  await cms?.stop();
  await restored?.stop();
  await source?.drop();
  await target?.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

test('the backup holds the database, the uploads, the secrets layout and the sync state, each file under its checksum', () => {
  expect(manifest.database.client).toBe(source.env.DATABASE_URL ? 'postgres' : 'sqlite');
  expect(manifest.uploads.files).toBeGreaterThanOrEqual(filled.uploads);
  expect(manifest.syncState.where).toBe(source.env.DATABASE_URL ? 'database' : 'none');
  const listed = manifest.files.map((f) => f.path);
  expect(listed).toEqual(expect.arrayContaining([manifest.database.file, 'secrets-layout.json']));
  expect(listed.filter((p) => p.startsWith('uploads/'))).toHaveLength(manifest.uploads.files);
  const verify = ops('verify', ['--from', backupDir]);
  expect(verify.stdout).toMatch(/^OK: \d+ files/);
  expect(verify.status).toBe(0);
});

test('the secrets layout names every variable of the env file and no file of the backup holds a secret value', () => {
  const layout = JSON.parse(fs.readFileSync(path.join(backupDir, 'secrets-layout.json'), 'utf8')) as {
    variables: Array<{ name: string; setIn: string; secret: boolean }>;
  };
  const fromFile = layout.variables.filter((v) => v.setIn === 'env-file').map((v) => v.name);
  expect(fromFile.sort()).toEqual(Object.keys(secrets).sort());
  expect(layout.variables.find((v) => v.name === 'ADMIN_JWT_SECRET')).toMatchObject({ secret: true });
  const values = Object.entries(secrets)
    .filter(([name]) => /KEY|SECRET|SALT/.test(name))
    .flatMap(([, value]) => value.split(','));
  for (const rel of listFiles(backupDir)) {
    const bytes = fs.readFileSync(path.join(backupDir, rel));
    for (const value of values)
      expect({ file: rel, holds: bytes.includes(value) }).toEqual({ file: rel, holds: false });
  }
});

test('the restored database has the same rows as the source in every table (per-table digests)', () => {
  const tables = restoredDigests.map((d) => `${d.table} (${d.rows})`);
  console.log(`tables compared (${tables.length}):\n  ${tables.join('\n  ')}`);
  expect(restoredDigests).toEqual(manifest.database.tables);
  expect(restoredDigests).toEqual(sourceDigests);
  const rows = new Map(restoredDigests.map((d) => [d.table.replace(/^public\./, ''), d.rows]));
  // The parts the issue names: documents and relations, every editorial type (vi and en), the
  // citizen's question, the uploads' rows, the audit log, the change-event and email outboxes.
  for (const table of [
    'legal_documents',
    'document_relations',
    'introductions',
    'qas',
    'dialogues',
    'materials',
    'videos',
    'legal_situations',
    'books',
    'guidances',
    'news_items',
    'files',
    'audit_entries',
    'pbgdpl_change_events',
  ])
    expect({ table, rows: rows.get(table) ?? 0 }).toEqual({ table, rows: expect.any(Number) as number });
  for (const table of [
    'legal_documents',
    'introductions',
    'news_items',
    'audit_entries',
    'files',
    'pbgdpl_change_events',
  ])
    expect({ table, hasRows: (rows.get(table) ?? 0) > 0 }).toEqual({ table, hasRows: true });
});

test('the restored uploads folder holds the same files with the same bytes', async () => {
  const before = await tree(path.join(dirs.sourcePublic, 'uploads'));
  const after = await tree(path.join(dirs.restoredPublic, 'uploads'));
  expect(before.size).toBeGreaterThanOrEqual(filled.uploads);
  expect([...after.entries()]).toEqual([...before.entries()]);
});

test('the sites built from the restored CMS are byte-identical to those built from the source, but for the three values a build mints', () => {
  const before = servedFiles(dirs.sitesFromSource);
  const after = servedFiles(dirs.sitesFromRestored);
  for (const site of BACKUP_SITES) expect([...before.files.keys()]).toContain(`${site}/index.html`);
  expect([...after.files.keys()]).toEqual([...before.files.keys()]);
  const differing = [...before.files]
    .filter(([file, sum]) => after.files.get(file) !== sum)
    .map(([file]) => file);
  expect(differing).toEqual([]);
  // The minted values were there to mask (the comparison is not vacuous), as many on each side.
  expect(before.minted.token).toBeGreaterThan(0);
  expect(before.minted.builtAt).toBeGreaterThan(0);
  expect(before.minted.swVersion).toBe(BACKUP_SITES.length);
  expect(after.minted).toEqual(before.minted);
});

test('the restored CMS answers as the source did: its API token, the citizen’s tracking code, the question still assigned', async () => {
  const items = await cmsRequest<Array<{ title: string }>>(
    restored!.url,
    'GET',
    '/api/news-items?locale=en',
    undefined,
    filled.token,
  );
  expect(items.map((i) => i.title)).toEqual(['Test news (backup)']);
  const status = await fetch(`${restored!.url}/api/submissions/status/${filled.trackingCode}`, {
    headers: { accept: 'application/json' },
  });
  expect(status.status).toBe(200);
  expect(((await status.json()) as { data: { status: string } }).data.status).toBe('assigned');
  // A page built before the backup still sends its form to the restored CMS (same secrets, same registry).
  const page = fs.readFileSync(
    path.join(dirs.sitesFromSource, 'ha-noi-ba-dinh', 'hoi-dap', 'index.html'),
    'utf8',
  );
  const token = /name="token" value="([^"]+)"/.exec(page)![1]!;
  const sent = await fetch(`${restored!.url}/api/submissions/questions`, {
    method: 'POST',
    headers: {
      origin: PUBLIC_ENV.PBGDPL_SITES_URL,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify({
      site: 'ha-noi-ba-dinh',
      token,
      question: 'Câu hỏi gửi sau khôi phục từ trang dựng trước khi sao lưu (thử nghiệm).',
    }),
  });
  expect(sent.status).toBe(201);
});

test('a restore into a database that is not empty is refused and changes nothing', async () => {
  await restored!.stop();
  restored = null;
  const before = await digestsOf(target);
  const again = ops('restore', [
    '--from',
    backupDir,
    '--uploads',
    path.join(work, 'other-uploads'),
    ...databaseArgs(target),
  ]);
  expect(again.status).toBe(1);
  expect(again.stderr).toMatch(/not empty|already exists/);
  expect(again.stderr).toContain('Nothing was changed');
  expect(await digestsOf(target)).toEqual(before);
  expect(fs.existsSync(path.join(work, 'other-uploads'))).toBe(false);
});

test('a restore into an uploads folder that holds files is refused', async () => {
  const fresh = await createTestDatabase('backup_refused', path.join(CMS_DIR, '.tmp'));
  try {
    const refused = ops('restore', [
      '--from',
      backupDir,
      '--uploads',
      path.join(dirs.restoredPublic, 'uploads'),
      ...databaseArgs(fresh),
    ]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/uploads folder .* is not empty/);
  } finally {
    await fresh.drop();
  }
});

test('a corrupted backup is refused before anything is restored, naming the damaged file', async () => {
  const damaged = path.join(work, 'damaged');
  fs.cpSync(backupDir, damaged, { recursive: true });
  const dump = path.join(damaged, manifest.database.file);
  const bytes = fs.readFileSync(dump);
  bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
  fs.writeFileSync(dump, bytes);
  const fresh = await createTestDatabase('backup_damaged', path.join(CMS_DIR, '.tmp'));
  try {
    const refused = ops('restore', [
      '--from',
      damaged,
      '--uploads',
      path.join(work, 'damaged-uploads'),
      ...databaseArgs(fresh),
    ]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      `${manifest.database.file}: expected ${bytes.length} bytes with SHA-256`,
    );
    expect(refused.stderr).toContain('nothing was restored');
    expect(fs.existsSync(path.join(work, 'damaged-uploads'))).toBe(false);
    expect(await digestsOf(fresh).catch(() => [])).toEqual([]);
  } finally {
    await fresh.drop();
  }
});
