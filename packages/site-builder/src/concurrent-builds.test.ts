import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSites } from './generate.js';
import { fakeClient, fakeFetchAsset, fakeFetchFormToken } from './fixtures/province-and-commune.js';

// Two real Astro builds of the one template at the same time, as two workers on one machine run them.
jest.setTimeout(240_000);

test('two generations at once, each into its own output, both succeed', async () => {
  const dirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-concurrent-')));
  try {
    const results = await Promise.all(
      dirs.map((outDir, i) =>
        generateSites({
          cmsUrl: 'http://fake-cms.test',
          client: fakeClient(),
          codes: [i === 0 ? 'ha-noi' : 'ha-noi-ba-dinh'],
          outDir,
          asOf: '2025-07-01',
          layout: 'releases',
          log: () => {},
          fetchAsset: fakeFetchAsset,
          fetchFormToken: fakeFetchFormToken,
        }),
      ),
    );
    expect(results.map((r) => r.sites.map((s) => s.error))).toEqual([[null], [null]]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
  } finally {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
});
