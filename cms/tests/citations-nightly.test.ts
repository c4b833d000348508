import { startTestCms, type TestCms } from './harness';
import { createRegistry } from './fixtures';
import { DOCUMENT, RELATION, createItem, createLaw, rowsOf } from './citations-fixtures';
import { recomputeAllValidity } from '../src/extensions/validity/recompute';

/**
 * The nightly recompute is where dates take effect: a replacement recorded in advance ends the
 * old law on its date, and the items citing it are flagged that night. Real relation: the
 * Insurance Business Law 2022 (08/2022/QH15) replaces the 2000 one (24/2000/QH10) from
 * 2023-01-01. The clock is driven by passing `asOf`: the night before, then the night of.
 */
let cms: TestCms;
let site: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  cms = await startTestCms('citations_nightly');
  site = (await createRegistry(cms.strapi)).sites.national;
  for (const number of ['24/2000/QH10', '08/2022/QH15', '91/2015/QH13']) {
    ids[number] = await createLaw(cms.strapi, number, site);
  }
  await cms.strapi.documents(RELATION).create({
    data: {
      sourceNumber: '08/2022/QH15',
      kind: 'replaces',
      targetNumber: '24/2000/QH10',
      effectiveDate: '2023-01-01',
    },
  } as never);
});
afterAll(async () => {
  await cms?.stop();
});

test('the night a recorded replacement takes effect, items citing the old law are flagged, others not', async () => {
  // The last night of 2022: the 2000 law is still in force, the 2022 one not yet.
  await recomputeAllValidity(cms.strapi, '2022-12-31');
  const [before] = await cms.strapi.db
    .query(DOCUMENT)
    .findMany({ where: { documentId: ids['24/2000/QH10'] } });
  expect(before.validityStatus).toBe('in_force');

  // Items written and checked that day.
  const extra = (documentNumber: string) => ({
    citations: [{ documentNumber }],
    citationsCheckedAt: '2022-12-31',
  });
  const material = await createItem(cms.strapi, 'material', 'Cẩm nang kinh doanh bảo hiểm', site, {
    extra: extra('24/2000/QH10'),
    published: true,
  });
  const video = await createItem(cms.strapi, 'video', 'Tiểu phẩm về hợp đồng bảo hiểm', site, {
    extra: extra('24/2000/QH10'),
  });
  const unrelated = await createItem(cms.strapi, 'material', 'Tờ gấp về hợp đồng dân sự', site, {
    extra: extra('91/2015/QH13'),
    published: true,
  });

  await recomputeAllValidity(cms.strapi, '2023-01-01');

  const [after] = await cms.strapi.db
    .query(DOCUMENT)
    .findMany({ where: { documentId: ids['24/2000/QH10'] } });
  expect(after).toMatchObject({ validityStatus: 'expired', validityChangedAt: '2023-01-01' });
  const reason =
    'Luật số 24/2000/QH10 đã bị thay thế bởi Luật Kinh doanh bảo hiểm số 08/2022/QH15, từ ngày 01/01/2023.';
  const materialRows = await rowsOf(cms.strapi, 'material', material);
  expect(materialRows).toHaveLength(2);
  for (const row of [...materialRows, ...(await rowsOf(cms.strapi, 'video', video))]) {
    expect(row).toMatchObject({
      mayBeOutdated: true,
      outdatedReason: reason,
      citationsCheckedAt: '2022-12-31',
    });
  }
  for (const row of await rowsOf(cms.strapi, 'material', unrelated)) {
    expect(row).toMatchObject({ mayBeOutdated: false, outdatedReason: null });
  }
  // The 2022 law entering into force on its own date is no news for items citing it.
  const [newer] = await cms.strapi.db
    .query(DOCUMENT)
    .findMany({ where: { documentId: ids['08/2022/QH15'] } });
  expect(newer.validityStatus).toBe('in_force');
  expect(newer.validityChangedAt).not.toBe('2023-01-01');
});
