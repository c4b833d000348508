import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBackup, pruneBackups } from './backup.js';
import { CorruptBackupError, TargetNotEmptyError } from './errors.js';
import { verifyBackup } from './manifest.js';
import { restoreBackup } from './restore.js';

/**
 * The SQLite quick start's round trip, on files only (the PostgreSQL round trip through a real CMS
 * is tests/e2e/backup-restore.test.ts): database, uploads, the sync engine's state file.
 */
let work: string;
let source: { db: string; uploads: string; state: string; env: string };

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-ops-'));
  source = {
    db: path.join(work, 'cms', 'data.db'),
    uploads: path.join(work, 'cms', 'public', 'uploads'),
    state: path.join(work, 'sites', '.sync', 'state.json'),
    env: path.join(work, 'cms', '.env'),
  };
  fs.mkdirSync(path.join(source.uploads, 'nested'), { recursive: true });
  fs.mkdirSync(path.dirname(source.state), { recursive: true });
  const db = new Database(source.db);
  db.exec(`CREATE TABLE legal_documents (id INTEGER PRIMARY KEY, number TEXT, big INTEGER, data BLOB);
           CREATE TABLE audit_entries (id INTEGER PRIMARY KEY, action TEXT)`);
  const insert = db.prepare('INSERT INTO legal_documents (number, big, data) VALUES (?, ?, ?)');
  for (let i = 0; i < 50; i += 1) insert.run(`${i}/2026/QH15`, 2n ** 62n + BigInt(i), Buffer.from([i, 255]));
  db.prepare('INSERT INTO audit_entries (action) VALUES (?)').run('create');
  db.close();
  fs.writeFileSync(path.join(source.uploads, 'anh.png'), Buffer.alloc(2048, 7));
  fs.writeFileSync(path.join(source.uploads, 'nested', 'to-gap.pdf'), '%PDF-1.4 thử nghiệm');
  fs.writeFileSync(path.join(source.uploads, '.gitkeep'), '');
  fs.writeFileSync(source.state, JSON.stringify({ cursor: { eventId: 12, gaps: [] }, sites: [] }));
  fs.writeFileSync(source.env, 'APP_KEYS=bi-mat-1,bi-mat-2\nPORT=1337\nDATABASE_FILENAME=\n');
});

afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

const backup = (now?: Date) =>
  createBackup({
    ...(now ? { now: () => now } : {}),
    outDir: path.join(work, 'backups'),
    database: { kind: 'sqlite', file: source.db },
    uploadsDir: source.uploads,
    envFile: source.env,
    exampleFile: null,
    syncStateFile: source.state,
  });

const target = (name: string) => ({
  database: { kind: 'sqlite' as const, file: path.join(work, name, 'data.db') },
  uploadsDir: path.join(work, name, 'uploads'),
  syncStateFile: path.join(work, name, 'sites', '.sync', 'state.json'),
});

test('a SQLite backup restores to the same rows, the same uploads and the same sync state file', async () => {
  const { dir, manifest } = await backup();
  expect(path.basename(dir)).toMatch(/^pbgdpl-\d{8}T\d{6}Z$/);
  expect(manifest.syncState).toMatchObject({ where: 'file', file: 'sync/state.json' });
  expect(manifest.database.tables.map((t) => [t.table, t.rows])).toEqual([
    ['audit_entries', 1],
    ['legal_documents', 50],
  ]);
  const result = await restoreBackup({ from: dir, ...target('restored') });
  expect(result.tables).toEqual(manifest.database.tables);
  expect(result.uploads).toBe(3);
  const restored = target('restored');
  expect(fs.readFileSync(path.join(restored.uploadsDir, 'nested', 'to-gap.pdf'), 'utf8')).toBe(
    '%PDF-1.4 thử nghiệm',
  );
  expect(fs.readFileSync(restored.syncStateFile, 'utf8')).toBe(fs.readFileSync(source.state, 'utf8'));
  expect(result.secrets.variables.map((v) => [v.name, v.setIn, v.secret])).toEqual([
    ['APP_KEYS', 'env-file', true],
    ['DATABASE_FILENAME', 'not-set', false],
    ['PORT', 'env-file', false],
  ]);
  expect(JSON.stringify(result.secrets)).not.toContain('bi-mat');
});

test('a changed row changes its table’s digest and no other', async () => {
  const first = (await backup()).manifest.database.tables;
  const db = new Database(source.db);
  db.prepare("UPDATE legal_documents SET number = '7/2026/QH16' WHERE id = 8").run();
  db.close();
  // Another moment, so another folder (backups are named by the second).
  const second = (await backup(new Date(Date.now() + 60_000))).manifest.database.tables;
  expect(second.map((t) => t.table)).toEqual(first.map((t) => t.table));
  expect(second.filter((t, i) => t.digest !== first[i]!.digest).map((t) => t.table)).toEqual([
    'legal_documents',
  ]);
});

test('a backup with a changed, missing or extra file is refused, naming it, and nothing is written', async () => {
  const { dir } = await backup();
  fs.appendFileSync(path.join(dir, 'uploads', 'anh.png'), 'x');
  fs.rmSync(path.join(dir, 'uploads', 'nested', 'to-gap.pdf'));
  fs.writeFileSync(path.join(dir, 'uploads', 'la.txt'), 'không có trong bản kê');
  const refused = await restoreBackup({ from: dir, ...target('restored') }).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(CorruptBackupError);
  expect((refused as CorruptBackupError).files.sort()).toEqual([
    'uploads/anh.png',
    'uploads/la.txt',
    'uploads/nested/to-gap.pdf',
  ]);
  expect((refused as Error).message).toContain('uploads/nested/to-gap.pdf: missing');
  expect(fs.existsSync(path.join(work, 'restored'))).toBe(false);
});

test('an edited manifest is caught by SHA256SUMS', async () => {
  const { dir } = await backup();
  const file = path.join(dir, 'manifest.json');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"rows": 50', '"rows": 49'));
  await expect(verifyBackup(dir)).rejects.toThrow('manifest.json: its SHA-256 is not the one in SHA256SUMS');
});

test('a SQLite database where the sync engine keeps its state is its sync state: no state file is taken', async () => {
  const db = new Database(source.db);
  db.exec(`CREATE TABLE pbgdpl_change_events (id INTEGER PRIMARY KEY, placements TEXT);
           CREATE TABLE pbgdpl_sync_sites (site TEXT PRIMARY KEY, built_version INTEGER);
           INSERT INTO pbgdpl_sync_sites VALUES ('ha-noi', 7)`);
  db.close();
  const { dir, manifest } = await backup();
  expect(manifest.syncState).toEqual({
    where: 'database',
    tables: ['pbgdpl_change_events', 'pbgdpl_sync_sites'],
  });
  expect(fs.existsSync(path.join(dir, 'sync'))).toBe(false);
  const result = await restoreBackup({ from: dir, ...target('restored') });
  expect(result.tables.find((t) => t.table === 'pbgdpl_sync_sites')?.rows).toBe(1);
});

test('a restore refuses an existing database, a non-empty uploads folder and an existing sync state, writing nothing', async () => {
  const { dir } = await backup();
  const existingDb = target('a');
  fs.mkdirSync(path.dirname(existingDb.database.file), { recursive: true });
  fs.writeFileSync(existingDb.database.file, 'SQLite format 3');
  await expect(restoreBackup({ from: dir, ...existingDb })).rejects.toBeInstanceOf(TargetNotEmptyError);
  expect(fs.existsSync(existingDb.uploadsDir)).toBe(false);

  const busyUploads = target('b');
  fs.mkdirSync(busyUploads.uploadsDir, { recursive: true });
  fs.writeFileSync(path.join(busyUploads.uploadsDir, 'cu.png'), 'old');
  await expect(restoreBackup({ from: dir, ...busyUploads })).rejects.toThrow(
    /uploads folder .* is not empty/,
  );
  expect(fs.existsSync(busyUploads.database.file)).toBe(false);

  const placeholderOnly = target('c');
  fs.mkdirSync(placeholderOnly.uploadsDir, { recursive: true });
  fs.writeFileSync(path.join(placeholderOnly.uploadsDir, '.gitkeep'), '');
  fs.mkdirSync(path.dirname(placeholderOnly.syncStateFile), { recursive: true });
  fs.writeFileSync(placeholderOnly.syncStateFile, '{}');
  await expect(restoreBackup({ from: dir, ...placeholderOnly })).rejects.toThrow(/already has a sync state/);
  expect(fs.existsSync(placeholderOnly.database.file)).toBe(false);
});

test('pruning keeps the newest backups and removes stale temporary folders only', async () => {
  const out = path.join(work, 'backups');
  for (const name of [
    'pbgdpl-20261201T020000Z',
    'pbgdpl-20261202T020000Z',
    'pbgdpl-20261203T020000Z',
    'ghi-chu',
  ])
    fs.mkdirSync(path.join(out, name), { recursive: true });
  const old = path.join(out, '.incomplete-pbgdpl-20261130T020000Z-1');
  const running = path.join(out, '.incomplete-pbgdpl-20261203T030000Z-2');
  fs.mkdirSync(old);
  fs.mkdirSync(running);
  fs.utimesSync(old, new Date('2026-11-30'), new Date('2026-11-30'));
  expect(
    pruneBackups(out, 2)
      .map((p) => path.basename(p))
      .sort(),
  ).toEqual(['.incomplete-pbgdpl-20261130T020000Z-1', 'pbgdpl-20261201T020000Z']);
  expect(fs.readdirSync(out).sort()).toEqual([
    '.incomplete-pbgdpl-20261203T030000Z-2',
    'ghi-chu',
    'pbgdpl-20261202T020000Z',
    'pbgdpl-20261203T020000Z',
  ]);
});
