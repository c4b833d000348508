import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { loadDataset, type Dataset } from '@pbgdpl/data-import';
import { CMS_DIR, createTestDatabase, startTestCms, testCmsEnv, type TestCms } from './harness';
import { dataDir } from './fixtures';

/** The seed is one command, reads the real data, and a second run changes nothing. */
type Tallies = Record<string, { created: number; updated: number; unchanged: number }>;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let env: NodeJS.ProcessEnv;
let dataset: Dataset;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-seed-'));

function runSeed(name: string): { tallies: Tallies; output: string } {
  const summary = path.join(workDir, `${name}.json`);
  const result = spawnSync(
    process.execPath,
    [
      'dist/scripts/seed.js',
      '--subset',
      'demo',
      '--report',
      path.join(workDir, `${name}-report.json`),
      '--summary',
      summary,
    ],
    { cwd: CMS_DIR, env, encoding: 'utf8', timeout: 600_000 },
  );
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`seed exited ${result.status}:\n${output}`);
  return { tallies: (JSON.parse(fs.readFileSync(summary, 'utf8')) as { tallies: Tallies }).tallies, output };
}

beforeAll(async () => {
  database = await createTestDatabase('seed');
  env = { ...process.env, ...testCmsEnv(), ...database.env, PBGDPL_DATA_DIR: dataDir() };
  dataset = await loadDataset({ dataDir: dataDir(), subset: 'demo' });
});

let cms: TestCms | undefined;
afterAll(async () => {
  if (cms) await cms.stop();
  else await database.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

test('the first run creates the demo subset from the real data, with progress and a data report', () => {
  const { tallies, output } = runSeed('first');
  expect(tallies.sites!.created).toBe(dataset.sites.length);
  expect(tallies.organizations!.created).toBe(dataset.organizations.length);
  expect(tallies['documents (vi)']!.created).toBe(dataset.documents.length);
  expect(tallies.relations!.created).toBe(dataset.relations.length);
  expect(output).toMatch(/Trang đơn vị \(sites\): \d+\/\d+/);
  expect(output).toMatch(/data report\): \d+ errors, \d+ warnings/);
});

test('a second run changes nothing', () => {
  const { tallies } = runSeed('second');
  for (const [name, tally] of Object.entries(tallies)) {
    expect({ name, created: tally.created, updated: tally.updated }).toEqual({
      name,
      created: 0,
      updated: 0,
    });
  }
  expect(tallies.sites!.unchanged).toBe(dataset.sites.length);
});

test('the CMS then holds exactly the seeded registry and documents', async () => {
  cms = await startTestCms('seed', { database });
  const count = (uid: string, where: Record<string, unknown> = {}) =>
    cms!.strapi.db.query(uid as never).count({ where });
  expect(await count('api::site.site')).toBe(dataset.sites.length);
  expect(
    await count('api::legal-document.legal-document', { locale: 'vi', publishedAt: { $notNull: true } }),
  ).toBe(dataset.documents.length);
  // Every commune hangs under its province.
  const communes = (await cms.strapi.db
    .query('api::site.site')
    .findMany({ where: { kind: 'commune' }, populate: { parent: true } })) as Array<{
    parent: { kind: string } | null;
  }>;
  expect(communes.length).toBeGreaterThan(0);
  expect(communes.every((c) => c.parent?.kind === 'province')).toBe(true);
});

test("the relations read from the laws' texts drive validity: the Enterprise Law 2014 is replaced", async () => {
  const [old] = (await cms!.strapi.db.query('api::legal-document.legal-document').findMany({
    where: { number: '68/2014/QH13', locale: 'vi', publishedAt: { $notNull: true } },
  })) as Array<{
    validityStatus: string;
    validityBasis: string;
    validityHistory: Array<Record<string, unknown>>;
  }>;
  expect(old).toMatchObject({ validityStatus: 'expired', validityBasis: 'relations' });
  expect(old!.validityHistory).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ kind: 'replaces', sourceNumber: '59/2020/QH14', date: '2021-01-01' }),
    ]),
  );
  // A relation whose target is not in the CMS is kept by number and title, unlinked.
  const external = await cms!.strapi.db
    .query('api::document-relation.document-relation')
    .count({ where: { targetDocumentId: null, targetTitle: { $notNull: true } } });
  expect(external).toBe(dataset.relations.filter((r) => !r.targetInDataset).length);
});

test('the demo sections hold only items made from the real data: introductions quoting the laws, the 2025 resolutions as guidance', async () => {
  const strapi = cms!.strapi;
  const introductions = (await strapi.db.query('api::introduction.introduction').findMany({
    where: { locale: 'vi', publishedAt: { $notNull: true } },
    populate: { citations: true, owningSite: true },
  })) as Array<{
    title: string;
    audience: string;
    body: Array<{ type: string; children: Array<{ text: string }> }>;
    citations: Array<{ documentNumber: string; article: string }>;
    owningSite: { code: string };
  }>;
  expect(introductions.length).toBeGreaterThanOrEqual(2);
  for (const intro of introductions) {
    const number = intro.citations[0]!.documentNumber;
    const law = dataset.documents.find((d) => d.number === number)!;
    expect(intro.title).toBe(`Giới thiệu ${law.title} số ${number}`);
    expect(intro.citations.map((c) => c.article)).toEqual(['1', '2']);
    expect([intro.owningSite.code, intro.audience]).toEqual(['quoc-gia', 'all_sites']);
    // Every quoted line is a line of the law's own text, word for word.
    const quoted = intro.body.filter((b) => b.type === 'quote').map((b) => b.children[0]!.text);
    expect(quoted.length).toBeGreaterThan(0);
    const lines = new Set(law.fullText.split('\n').map((l) => l.trim()));
    expect(quoted.filter((q) => !lines.has(q))).toEqual([]);
  }
  const guidance = (await strapi.db.query('api::guidance.guidance').findMany({
    where: { locale: 'vi', publishedAt: { $notNull: true } },
    populate: { owningSite: true },
  })) as Array<{ number: string; issuedDate: string; owningSite: { code: string } }>;
  const resolutions = dataset.documents.filter((d) => /\/NQ-UBTVQH15$|^60-NQ\/TW$/.test(d.number));
  expect(guidance.map((g) => [g.number, g.issuedDate, g.owningSite.code]).sort()).toEqual(
    resolutions.map((r) => [r.number, r.issuedDate, r.owningSiteCode]).sort(),
  );
  // No real source for these sections: the demo leaves them empty rather than invent content.
  for (const uid of [
    'api::qa.qa',
    'api::legal-situation.legal-situation',
    'api::video.video',
    'api::book.book',
  ]) {
    expect([uid, await strapi.db.query(uid as never).count({})]).toEqual([uid, 0]);
  }
});
