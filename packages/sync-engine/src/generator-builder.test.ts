import { generatorBuilder } from './build.js';

/**
 * The generator builder's clock: a build takes its date (asOf, which decides the C-1 "newly
 * effective" list) from the injected clock, read when each batch starts, so tests and drills
 * can cross midnight in Vietnam without waiting for it. The generator itself is replaced here;
 * tests/e2e/date-flip.test.ts runs the real one.
 */
const generateSites = jest.fn(async (options: { codes: string[] }) => ({
  sites: options.codes.map((code) => ({ code, ok: true, release: `r-${code}`, pages: 1, error: null })),
}));
jest.mock('@pbgdpl/site-builder', () => ({ generateSites }));

const request = { codes: ['ha-noi'], outDir: '/tmp/pbgdpl-builder-clock' };
const passed = () => generateSites.mock.calls.at(-1)![0] as Record<string, unknown>;

beforeEach(() => generateSites.mockClear());

test('without a clock the generator keeps its own date (today in Vietnam)', async () => {
  await generatorBuilder({ cmsUrl: 'http://cms.test' })(request);
  expect(passed()).not.toHaveProperty('asOf');
  expect(passed()).not.toHaveProperty('now');
});

test('a driven clock sets the build date to its day in Vietnam, read at each batch', async () => {
  let clock = new Date('2023-12-31T16:59:00Z'); // 23:59 on 31 December in Hà Nội
  const builder = generatorBuilder({ cmsUrl: 'http://cms.test', now: () => clock });
  const results = await builder(request);
  expect(passed()).toMatchObject({ asOf: '2023-12-31', now: clock, layout: 'releases', codes: ['ha-noi'] });
  expect(results).toEqual([{ code: 'ha-noi', ok: true, release: 'r-ha-noi', pages: 1, error: null }]);

  clock = new Date('2023-12-31T17:00:30Z'); // 00:00:30 on 1 January in Hà Nội, still 31 December in UTC
  await builder(request);
  expect(passed()).toMatchObject({ asOf: '2024-01-01', now: clock });
});
