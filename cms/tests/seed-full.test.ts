import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { loadDataset } from '@pbgdpl/data-import';
import { CMS_DIR, createTestDatabase, testCmsEnv } from './harness';
import { dataDir } from './fixtures';

/**
 * Every record of the real data passes the CMS's own validation: the full seed (3,379 sites,
 * every document and relation) completes, including the historic numbers of 1957.
 */
// Several minutes: every one of the 3,379 sites and 242 documents goes through validation, the
// audit log and change capture, like an editor's write.
test('the full real data set seeds completely', async () => {
  const database = await createTestDatabase('seed_full');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-seed-full-'));
  try {
    const dataset = await loadDataset({ dataDir: dataDir(), subset: 'full' });
    const summary = path.join(workDir, 'summary.json');
    const result = spawnSync(
      process.execPath,
      [
        'dist/scripts/seed.js',
        '--subset',
        'full',
        '--report',
        path.join(workDir, 'report.json'),
        '--summary',
        summary,
      ],
      {
        cwd: CMS_DIR,
        env: { ...process.env, ...testCmsEnv(), ...database.env, PBGDPL_DATA_DIR: dataDir() },
        encoding: 'utf8',
        timeout: 900_000,
      },
    );
    if (result.status !== 0)
      throw new Error(`seed exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
    const { tallies } = JSON.parse(fs.readFileSync(summary, 'utf8')) as {
      tallies: Record<string, { created: number }>;
    };
    expect(tallies.sites!.created).toBe(3379);
    expect(tallies['documents (vi)']!.created).toBe(dataset.documents.length);
    expect(tallies.relations!.created).toBe(dataset.relations.length);
  } finally {
    await database.drop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}, 900_000);
