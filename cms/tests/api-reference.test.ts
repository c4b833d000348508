import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { CMS_DIR, startTestCms, type TestCms } from './harness';
import { EXAMPLES, buildReference, referenceDir } from '../scripts/api-reference/index';
import { PUBLIC_READABLE } from '../src/extensions/public-access';

/**
 * The published API reference (docs/api/) is generated from the live schema (`pnpm
 * api:reference`) and kept in sync by this test: it regenerates the files from a real CMS's
 * GraphQL introspection and configuration and fails on any difference. Every worked example in
 * it is sent to that CMS: REST answers 200, GraphQL answers without errors.
 */
let cms: TestCms;
let files: Map<string, string>;
const DIR = referenceDir(CMS_DIR);

beforeAll(async () => {
  cms = await startTestCms('api_reference');
  const introspection = await request(cms.http)
    .post('/graphql')
    .send({ query: getIntrospectionQuery() })
    .expect(200);
  files = await buildReference(cms.strapi, introspection.body.data as IntrospectionQuery);
}, 300_000);
afterAll(async () => {
  await cms?.stop();
});

test('docs/api is exactly what the live schema gives (regenerate with `pnpm api:reference`)', () => {
  const committed = fs
    .readdirSync(DIR)
    .filter((name) => name.endsWith('.md'))
    .sort();
  expect(committed).toEqual([...files.keys()].sort());
  for (const [name, text] of files) {
    const hint = `docs/api/${name} differs from the live schema: run \`pnpm api:reference\``;
    expect({ hint, text: fs.readFileSync(path.join(DIR, name), 'utf8') }).toEqual({ hint, text });
  }
});

test('every public type has a page and at least one worked example', () => {
  for (const uid of PUBLIC_READABLE)
    expect({ uid, examples: (EXAMPLES[uid] ?? []).length > 0 }).toEqual({ uid, examples: true });
  expect(files.get('legal-documents.md')).toContain('`validityStatus`');
  expect(files.get('qas.md')).not.toContain('askerEmail');
  expect(files.get('legal-documents.md')).not.toContain('urgentPublishReason');
  expect(files.get('README.md')).toMatch(/\| REST \| 25 \| 100 \|/);
  expect(files.get('README.md')).toMatch(/\| GraphQL \| 25 \| 200 \|/);
});

const restExamples = Object.entries(EXAMPLES).flatMap(([uid, list]) =>
  list.filter((e) => e.rest).map((e) => [`${uid}: ${e.title}`, e.rest!] as const),
);
const graphqlExamples = Object.entries(EXAMPLES).flatMap(([uid, list]) =>
  list.filter((e) => e.graphql).map((e) => [`${uid}: ${e.title}`, e.graphql!] as const),
);

test.each(restExamples)('REST example answers 200 — %s', async (_title, example) => {
  const query = example.params.map(
    ([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`,
  );
  const res = await request(cms.http).get(`${example.path}?${query.join('&')}`);
  expect({ status: res.status, error: res.body?.error?.message ?? null }).toEqual({
    status: 200,
    error: null,
  });
  expect(Array.isArray(res.body.data)).toBe(true);
});

test.each(graphqlExamples)('GraphQL example answers without errors — %s', async (_title, example) => {
  const res = await request(cms.http)
    .post('/graphql')
    .send({ query: example.query, variables: example.variables ?? {} });
  expect({ status: res.status, errors: res.body.errors ?? null }).toEqual({ status: 200, errors: null });
  expect(res.body.data).toBeTruthy();
});

test('a page larger than the limit is cut to the limit, as the reference says (REST 100, GraphQL 200)', async () => {
  const rest = await request(cms.http).get('/api/sites?pagination[pageSize]=500').expect(200);
  expect(rest.body.meta.pagination.pageSize).toBe(100);
  const graphql = await request(cms.http)
    .post('/graphql')
    .send({ query: '{ sites_connection(pagination: { pageSize: 500 }) { pageInfo { pageSize } } }' });
  expect(graphql.body.errors ?? null).toBeNull();
  expect(graphql.body.data.sites_connection.pageInfo.pageSize).toBe(200);
});

test('a private field is refused as the reference says: REST 400 naming it, GraphQL an error naming it', async () => {
  const rest = await request(cms.http).get('/api/qas').query({ 'filters[askerEmail][$notNull]': 'true' });
  expect(rest.status).toBe(400);
  expect(JSON.stringify(rest.body.error)).toContain('askerEmail');
  const graphql = await request(cms.http).post('/graphql').send({ query: '{ qas { title askerEmail } }' });
  expect(graphql.body.errors[0].message).toContain('askerEmail');
});
