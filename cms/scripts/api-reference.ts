/**
 * `pnpm api:reference [--check]`
 * Writes the public API reference (docs/api/*.md) from the CMS's live schema: boots the CMS
 * without its server on a throwaway SQLite database (the schema comes from the code, not from
 * data; no secrets or database of the deployment are touched), builds its GraphQL schema,
 * introspects it and renders the pages. With --check, writes nothing and exits 1 when the
 * committed files differ (what the test checks).
 */
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { parseArgs } from 'util';
import { getIntrospectionQuery, graphqlSync, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { CMS_DIR, bootCms } from './boot';
import { buildReference, referenceDir } from './api-reference/index';

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: { check: { type: 'boolean', default: false } },
  });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-api-reference-'));
  useThrowawayCms(path.join(scratch, 'schema.db'));
  const strapi = await bootCms();
  try {
    const schema = strapi.plugin('graphql').service('content-api').buildSchema() as GraphQLSchema;
    const result = graphqlSync({ schema, source: getIntrospectionQuery() });
    if (result.errors?.length) throw new Error(`introspection failed: ${result.errors[0]!.message}`);
    const files = await buildReference(strapi, result.data as unknown as IntrospectionQuery);
    const dir = referenceDir(CMS_DIR);
    const stale = fs.existsSync(dir)
      ? fs.readdirSync(dir).filter((name) => name.endsWith('.md') && !files.has(name))
      : [];
    const changed = [...files].filter(([name, text]) => {
      const file = path.join(dir, name);
      return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text;
    });
    if (values.check) {
      if (changed.length === 0 && stale.length === 0) {
        console.log(`docs/api: ${files.size} tệp khớp với lược đồ.`);
        return 0;
      }
      console.error(
        `docs/api lệch với lược đồ: ${[...changed.map(([n]) => n), ...stale.map((n) => `${n} (thừa)`)].join(', ')}. Chạy pnpm api:reference.`,
      );
      return 1;
    }
    fs.mkdirSync(dir, { recursive: true });
    for (const name of stale) fs.rmSync(path.join(dir, name));
    for (const [name, text] of changed) fs.writeFileSync(path.join(dir, name), text);
    console.log(`docs/api: ${files.size} tệp, ${changed.length} tệp thay đổi, ${stale.length} tệp bỏ.`);
    return 0;
  } finally {
    await strapi.destroy();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** An empty SQLite file and one-off secrets; set before boot so cms/.env cannot override them. */
function useThrowawayCms(databaseFile: string): void {
  const secret = () => crypto.randomBytes(24).toString('base64');
  Object.assign(process.env, {
    DATABASE_URL: '',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: databaseFile,
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    STRAPI_TELEMETRY_DISABLED: 'true',
    OPEN_DATA_DIR: '',
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`api:reference: ${(error as Error).message}`);
    process.exit(1);
  },
);
