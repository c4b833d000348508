import { startTestCms, type TestCms } from './harness';
import { ensureIndexes, INDEXES } from '../src/extensions/indexes';

/**
 * The indexes a national corpus needs exist after boot on PostgreSQL; SQLite gets none. (How much
 * they speed things up is measured by `pnpm bench:cms`, never asserted here.)
 */
let cms: TestCms;

beforeAll(async () => {
  cms = await startTestCms('indexes');
});
afterAll(async () => {
  await cms?.stop();
});

const onPostgres = () => cms.strapi.db.dialect.client === 'postgres';

test('after boot every extra index exists and is valid on PostgreSQL, and SQLite is left alone', async () => {
  if (!onPostgres()) {
    await expect(ensureIndexes(cms.strapi)).resolves.toEqual({ skipped: 'not-postgres', created: [] });
    return;
  }
  // Only the indexes this extension owns (our own tables, e.g. pbgdpl_change_events, have theirs).
  const { rows } = (await cms.strapi.db.connection.raw(
    `SELECT c.relname AS name, t.relname AS "table", i.indisvalid AS valid
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
      WHERE c.relname = ANY(?) ORDER BY c.relname`,
    [INDEXES.map((index) => index.name)],
  )) as { rows: Array<{ name: string; table: string; valid: boolean }> };
  expect(rows).toEqual(
    INDEXES.map((index) => ({ name: index.name, table: index.table, valid: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    ),
  );
});

test('a second run creates nothing, and rebuilds an index that was dropped', async () => {
  if (!onPostgres()) {
    await expect(ensureIndexes(cms.strapi)).resolves.toMatchObject({ created: [] });
    return;
  }
  await expect(ensureIndexes(cms.strapi)).resolves.toEqual({ skipped: false, created: [] });
  const dropped = INDEXES[0]!.name;
  await cms.strapi.db.connection.raw(`DROP INDEX "${dropped}"`);
  await expect(ensureIndexes(cms.strapi)).resolves.toEqual({ skipped: false, created: [dropped] });
});
