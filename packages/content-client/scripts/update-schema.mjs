// Regenerates src/schema.graphql, the committed contract between the CMS and this client, from a
// running CMS: `PBGDPL_CMS_URL=http://127.0.0.1:1337 pnpm --filter @pbgdpl/content-client run schema:update`.
// The CMS must allow introspection (it does unless GRAPHQL_INTROSPECTION=false).
import fs from 'node:fs';
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';

const cmsUrl = (process.env.PBGDPL_CMS_URL ?? 'http://127.0.0.1:1337').replace(/\/+$/, '');
const endpoint = `${cmsUrl}/graphql`;
const response = await fetch(endpoint, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: getIntrospectionQuery() }),
});
if (!response.ok) throw new Error(`Introspection of ${endpoint} failed with HTTP ${response.status}`);
const result = await response.json();
if (result.errors) throw new Error(`Introspection of ${endpoint} failed: ${JSON.stringify(result.errors)}`);
const sdl = printSchema(lexicographicSortSchema(buildClientSchema(result.data)));
const header =
  '# GENERATED from the CMS by `pnpm --filter @pbgdpl/content-client run schema:update` — do not edit.\n' +
  "# The contract the client's queries are validated against (src/queries.test.ts).\n\n";
const target = new URL('../src/schema.graphql', import.meta.url);
fs.writeFileSync(target, header + sdl + '\n');
console.log(`Wrote ${target.pathname} (${sdl.length} characters) from ${endpoint}`);
