import fs from 'node:fs';
import path from 'node:path';
import {
  buildClientSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
  type IntrospectionQuery,
} from 'graphql';
import {
  createTestDatabase,
  startCmsProcess,
  testCmsEnv,
  type CmsProcess,
  type TestDatabase,
} from '@pbgdpl/test-support';
import { CMS_DIR, ROOT } from './workspace';

/**
 * The committed schema snapshot in content-client is the contract between the CMS and the sites:
 * the client's queries are validated against it. This fails when the running CMS's schema drifts
 * from it, until the snapshot is regenerated and the queries re-checked.
 */
const SNAPSHOT = path.join(ROOT, 'packages', 'content-client', 'src', 'schema.graphql');
let database: TestDatabase;
let cms: CmsProcess;

beforeAll(async () => {
  database = await createTestDatabase('schema_contract', path.join(CMS_DIR, '.tmp'));
  cms = await startCmsProcess({ cmsDir: CMS_DIR, env: { ...testCmsEnv(), ...database.env } });
});
afterAll(async () => {
  await cms?.stop();
  await database?.drop();
});

test('the CMS serves exactly the GraphQL schema committed as the content-client contract', async () => {
  const response = await fetch(`${cms.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  expect(response.status).toBe(200);
  const { data } = (await response.json()) as { data: IntrospectionQuery };
  const live = printSchema(lexicographicSortSchema(buildClientSchema(data)));
  const committed = fs
    .readFileSync(SNAPSHOT, 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .trim();
  const hint =
    'schema drifted: run `PBGDPL_CMS_URL=… pnpm --filter @pbgdpl/content-client run schema:update`';
  expect({ hint, schema: live.trim() }).toEqual({ hint, schema: committed });
});
