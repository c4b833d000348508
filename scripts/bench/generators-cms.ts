/**
 * The CMS behind `pnpm bench:generators`: a throwaway database (test-support's createTestDatabase:
 * PostgreSQL when a server URL is given, else SQLite), the demo seed (the real demo documents of
 * 15 sites of the real registry, as bench:sync uses), the compiled CMS started as production runs
 * it (test-support's startCmsProcess), an API token (the benches' cms-admin.ts), and the one-item
 * edit the rebuild measures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createTestDatabase, startCmsProcess, testCmsEnv, type CmsProcess } from '@pbgdpl/test-support';
import { adminToken, fullAccessToken } from './cms-admin.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CMS_DIR = path.join(ROOT, 'cms');

export interface BenchCms {
  url: string;
  /** Full-access API token (the generator reads with it; the bench edits with it). */
  token: string;
  database: string;
  seedMs: number;
  stop: () => Promise<void>;
}

/**
 * @param postgresUrl a PostgreSQL server (any database on it; a fresh one is created and dropped),
 *   or null for a SQLite file under `workDir`.
 */
export async function startBenchCms(options: {
  postgresUrl: string | null;
  workDir: string;
  log: (line: string) => void;
}): Promise<BenchCms> {
  if (options.postgresUrl) process.env.TEST_DATABASE_URL = options.postgresUrl;
  else delete process.env.TEST_DATABASE_URL;
  const database = await createTestDatabase('bench_generators', path.join(options.workDir, 'db'));
  const env = { ...testCmsEnv(), ...database.env };
  const label =
    env.DATABASE_CLIENT === 'postgres' ? redacted(env.DATABASE_URL!) : `SQLite ${env.DATABASE_FILENAME}`;
  options.log(`database: ${label}; seeding the demo subset …`);
  const seedStarted = Date.now();
  const seed = spawnSync(
    process.execPath,
    ['dist/scripts/seed.js', '--subset', 'demo', '--report', path.join(options.workDir, 'seed-report.json')],
    { cwd: CMS_DIR, env: { ...process.env, ...env }, encoding: 'utf8' },
  );
  if (seed.status !== 0) {
    await database.drop();
    throw new Error(`seed failed (is the CMS compiled? pnpm build):\n${seed.stdout}\n${seed.stderr}`);
  }
  const seedMs = Date.now() - seedStarted;
  options.log(`seeded in ${(seedMs / 1000).toFixed(1)} s; starting the CMS …`);
  let cms: CmsProcess;
  try {
    cms = await startCmsProcess({ cmsDir: CMS_DIR, env });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const stop = async () => {
    await cms.stop();
    await database.drop();
  };
  try {
    return {
      url: cms.url,
      token: await fullAccessToken(cms.url, await adminToken(cms.url), 'bench-generators'),
      database: label,
      seedMs,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function redacted(url: string): string {
  const u = new URL(url);
  u.password = '';
  return u.toString();
}

/**
 * The one-item change before the rebuild: a national law's title, published (as an editor's
 * correction would be). A national document is on every site: its page and every list showing it.
 */
export async function editNationalLaw(
  cms: Pick<BenchCms, 'url' | 'token'>,
  label: string,
): Promise<{ documentId: string; number: string }> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${cms.token}` };
  const found = await fetch(
    `${cms.url}/api/legal-documents?locale=vi&filters[scope][$eq]=national&filters[documentType][$eq]=law&sort=number:asc&pagination[pageSize]=1`,
    { headers },
  );
  if (!found.ok) throw new Error(`find a national law: ${found.status} ${await found.text()}`);
  const law = ((await found.json()) as { data: Array<{ documentId: string; title: string; number: string }> })
    .data[0];
  if (!law) throw new Error('the demo data has no national law to edit');
  const put = await fetch(`${cms.url}/api/legal-documents/${law.documentId}?locale=vi&status=published`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ data: { title: `${law.title} (${label})` } }),
  });
  if (!put.ok) throw new Error(`edit ${law.number}: ${put.status} ${await put.text()}`);
  return { documentId: law.documentId, number: law.number };
}

/** The enabled sites of the registry, in the order the bench takes them (see pickSites). */
export async function registrySites(
  cms: Pick<BenchCms, 'url' | 'token'>,
): Promise<Array<{ code: string; kind: string }>> {
  const res = await fetch(
    `${cms.url}/api/sites?pagination[pageSize]=100&fields[0]=code&fields[1]=kind&fields[2]=enabled`,
    {
      headers: { authorization: `Bearer ${cms.token}` },
    },
  );
  if (!res.ok) throw new Error(`sites: ${res.status} ${await res.text()}`);
  const rows = (
    (await res.json()) as { data: Array<{ code: string; kind: string; enabled: boolean | null }> }
  ).data;
  return rows.filter((s) => s.enabled !== false).map(({ code, kind }) => ({ code, kind }));
}

/** Removes a folder the bench made (only under the OS temp dir). */
export function removeWorkDir(dir: string): void {
  const resolved = path.resolve(dir);
  if (!resolved.startsWith(path.join(os.tmpdir(), 'pbgdpl-bench-')))
    throw new Error(`refusing to remove ${dir}`);
  fs.rmSync(resolved, { recursive: true, force: true });
}
