import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { todayInVietnam } from '@pbgdpl/domain';
import { fakeClient, fakeFetchAsset, fakeFetchFormToken } from '@pbgdpl/site-builder/test-fixtures';
import { generatorBuilder, type ContentSources } from './build.js';

/**
 * The generator builder's clock, against the real site builder: a build takes its date (asOf,
 * which decides the C-1 "newly effective" list) from the injected clock, read when each batch
 * starts, so tests and drills can cross midnight in Vietnam without waiting for it. The content is
 * the builder's fake CMS (a province and its commune); the Astro build, the release and the switch
 * of `current` are real. tests/e2e/date-flip.test.ts does the same against a real CMS.
 */
jest.setTimeout(300_000);

const SITE = 'ha-noi-ba-dinh';
const sources: ContentSources = {
  client: fakeClient(),
  fetchAsset: fakeFetchAsset,
  fetchFormToken: fakeFetchFormToken,
  fetchCoverage: async () => ({ ok: false, status: 404, reason: 'HTTP 404' }),
};
let outDir: string;

/** The build date the live release's home page carries. */
const liveBuildDate = () =>
  /<meta name="pbgdpl:as-of" content="([^"]+)">/.exec(
    fs.readFileSync(path.join(outDir, SITE, 'current', 'index.html'), 'utf8'),
  )?.[1];

beforeEach(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-builder-clock-'));
});
afterEach(() => fs.rmSync(outDir, { recursive: true, force: true }));

test('without a clock a build takes today in Vietnam as its date', async () => {
  const before = todayInVietnam(new Date());
  const [result] = await generatorBuilder({ cmsUrl: 'http://fake-cms.test', sources })({
    codes: [SITE],
    outDir,
  });
  expect(result).toMatchObject({ code: SITE, ok: true, error: null });
  expect([before, todayInVietnam(new Date())]).toContain(liveBuildDate());
});

test('a driven clock sets the build date to its day in Vietnam, read at each batch', async () => {
  let clock = new Date('2023-12-31T16:59:00Z'); // 23:59 on 31 December in Hà Nội
  const builder = generatorBuilder({ cmsUrl: 'http://fake-cms.test', now: () => clock, sources });
  const [first] = await builder({ codes: [SITE], outDir });
  expect(first).toMatchObject({ code: SITE, ok: true, error: null });
  expect(first!.pages).toBeGreaterThan(0);
  expect(liveBuildDate()).toBe('2023-12-31');

  clock = new Date('2023-12-31T17:00:30Z'); // 00:00:30 on 1 January in Hà Nội, still 31 December in UTC
  const [second] = await builder({ codes: [SITE], outDir });
  expect(second).toMatchObject({ code: SITE, ok: true, error: null });
  expect(second!.release).not.toBe(first!.release);
  expect(liveBuildDate()).toBe('2024-01-01');
});
