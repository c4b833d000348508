import path from 'path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { CMS_DIR, createTestDatabase, startTestCms, type TestCms } from './harness';
import { createRegistry, superAdminToken } from './fixtures';
import { createItem, uidOf } from './citations-fixtures';

/**
 * A database from before the rename — columns `qas.status` and `dialogues.status`, Strapi's stored
 * schema and the content manager's configuration naming them — keeps its values when the CMS
 * boots with `handlingStatus` and `phase`: the migration renames the columns before Strapi syncs
 * the tables (which would otherwise add empty columns and drop the old ones with their values).
 *
 * The old database is made by booting today's CMS and putting back what the old one had: the
 * column names, the stored schema, the content manager's configuration, and no record of the
 * migration. Then the CMS boots again on it.
 */
const MIGRATION = '2026.11.29T00.00.00.qa-handling-status-and-dialogue-phase.js';
/** What the rename changed in the database: table, old column, new column, new attribute. */
const RENAMED = [
  { type: 'qa', table: 'qas', column: 'handling_status', attribute: 'handlingStatus' },
  { type: 'dialogue', table: 'dialogues', column: 'phase', attribute: 'phase' },
] as const;

let cms: TestCms;
const items: Record<'answered' | 'rejected' | 'live' | 'closed', string> = {
  answered: '',
  rejected: '',
  live: '',
  closed: '',
};

beforeAll(async () => {
  const database = await createTestDatabase('handling_status_migration');
  const before = await startTestCms('handling_status_migration', {
    database: { env: database.env, drop: async () => {} },
  });
  const { sites } = await createRegistry(before.strapi);
  const site = sites.national;
  items.answered = await createItem(before.strapi, 'qa', 'Câu hỏi đã trả lời trước khi đổi tên', site, {
    published: true,
  });
  items.rejected = await createItem(before.strapi, 'qa', 'Câu hỏi bị từ chối trước khi đổi tên', site, {
    extra: {
      handlingStatus: 'rejected',
      rejectionReason: 'Câu hỏi trùng lặp.',
      answer: null,
      answeredAt: null,
    },
  });
  items.live = await createItem(before.strapi, 'dialogue', 'Đối thoại đang diễn ra trước khi đổi tên', site, {
    extra: { phase: 'live' },
    published: true,
  });
  items.closed = await createItem(
    before.strapi,
    'dialogue',
    'Đối thoại đã kết thúc trước khi đổi tên',
    site,
    {
      extra: { phase: 'closed' },
    },
  );
  await makeItTheOldDatabase(before.strapi);
  await before.stop();

  cms = await startTestCms('handling_status_migration', { database });
}, 600_000); // two boots
afterAll(async () => {
  await cms?.stop();
});

/** Column names, stored schema, admin configuration and migration log as the old CMS left them. */
async function makeItTheOldDatabase(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  for (const { table, column } of RENAMED) {
    await knex.schema.alterTable(table, (t) => t.renameColumn(column, 'status'));
  }

  const stored = await knex('strapi_database_schema').first();
  const schema = (typeof stored.schema === 'string' ? JSON.parse(stored.schema) : stored.schema) as {
    tables: Array<{ name: string; columns: Array<{ name: string }> }>;
  };
  for (const { table, column } of RENAMED) {
    const columns = schema.tables.find((t) => t.name === table)!.columns;
    columns.find((c) => c.name === column)!.name = 'status';
  }
  await knex('strapi_database_schema')
    .where({ id: stored.id })
    .update({ schema: JSON.stringify(schema) });

  for (const { type, attribute } of RENAMED) {
    const key = `plugin_content_manager_configuration_content_types::${uidOf(type)}`;
    const row = await knex('strapi_core_store_settings').where({ key }).first();
    const configuration = JSON.parse(row.value) as {
      metadatas: Record<string, unknown>;
      layouts: { list: string[]; edit: Array<Array<{ name: string }>> };
    };
    configuration.metadatas.status = configuration.metadatas[attribute];
    delete configuration.metadatas[attribute];
    configuration.layouts.list = configuration.layouts.list.map((f) => (f === attribute ? 'status' : f));
    for (const field of configuration.layouts.edit.flat())
      if (field.name === attribute) field.name = 'status';
    await knex('strapi_core_store_settings')
      .where({ key })
      .update({ value: JSON.stringify(configuration) });
  }
  // Our admin layout was written for the old attributes: a new fingerprint makes it write again.
  const marker = { key: 'plugin_pbgdpl_admin_layout_fingerprints' };
  const fingerprints = JSON.parse((await knex('strapi_core_store_settings').where(marker).first()).value);
  for (const { type } of RENAMED) fingerprints[uidOf(type)] = 'before-the-rename';
  await knex('strapi_core_store_settings')
    .where(marker)
    .update({ value: JSON.stringify(fingerprints) });

  await knex('strapi_migrations').where({ name: MIGRATION }).delete();
}

const columnsOf = async (table: string) => Object.keys(await cms.strapi.db.connection(table).columnInfo());

test('the old columns are renamed, not replaced: no `status` column is left', async () => {
  for (const { table, column } of RENAMED) {
    const columns = await columnsOf(table);
    expect({ table, hasNew: columns.includes(column), hasOld: columns.includes('status') }).toEqual({
      table,
      hasNew: true,
      hasOld: false,
    });
  }
  const ran = await cms.strapi.db.connection('strapi_migrations').where({ name: MIGRATION });
  expect(ran).toHaveLength(1);
});

test('every row keeps its handling status or phase — drafts and published versions', async () => {
  const values = async (type: 'qa' | 'dialogue', documentId: string) => {
    const attribute = RENAMED.find((r) => r.type === type)!.attribute;
    const rows = (await cms.strapi.db
      .query(uidOf(type))
      .findMany({ where: { documentId }, select: [attribute, 'publishedAt'] })) as Array<
      Record<string, unknown>
    >;
    return rows.map((r) => [r.publishedAt ? 'published' : 'draft', r[attribute]]).sort();
  };
  expect(await values('qa', items.answered)).toEqual([
    ['draft', 'answered'],
    ['published', 'answered'],
  ]);
  expect(await values('qa', items.rejected)).toEqual([['draft', 'rejected']]);
  expect(await values('dialogue', items.live)).toEqual([
    ['draft', 'live'],
    ['published', 'live'],
  ]);
  expect(await values('dialogue', items.closed)).toEqual([['draft', 'closed']]);
});

test('the public API filters on the kept values', async () => {
  const qas = await request(cms.http)
    .get('/api/qas')
    .query({ locale: 'vi', 'filters[handlingStatus][$eq]': 'answered' })
    .expect(200);
  expect(qas.body.data).toEqual([
    expect.objectContaining({ documentId: items.answered, handlingStatus: 'answered' }),
  ]);
  const dialogues = await request(cms.http)
    .get('/api/dialogues')
    .query({ locale: 'vi', 'filters[phase][$eq]': 'live' })
    .expect(200);
  expect(dialogues.body.data).toEqual([expect.objectContaining({ documentId: items.live, phase: 'live' })]);
});

test('the admin configuration follows the new names, with their Vietnamese labels', async () => {
  const token = await superAdminToken(cms.strapi, cms.http);
  const labels = { qa: 'Trạng thái xử lý', dialogue: 'Giai đoạn' };
  for (const { type, attribute } of RENAMED) {
    const res = await request(cms.http)
      .get(`/content-manager/content-types/${uidOf(type)}/configuration`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    const { metadatas, layouts } = res.body.data.contentType as {
      metadatas: Record<string, { edit: { label: string } }>;
      layouts: { list: string[] };
    };
    expect(metadatas.status).toBeUndefined();
    expect(metadatas[attribute]!.edit.label).toBe(labels[type]);
    expect(layouts.list).toContain(attribute);
  }
});

test('run again on a migrated database, the migration changes nothing', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const migration = require(path.join(CMS_DIR, 'database', 'migrations', MIGRATION)) as {
    up: (knex: unknown, db: unknown) => Promise<void>;
  };
  const before = await Promise.all(RENAMED.map((r) => columnsOf(r.table)));
  await cms.strapi.db.transaction(({ trx }) => migration.up(trx, cms.strapi.db));
  expect(await Promise.all(RENAMED.map((r) => columnsOf(r.table)))).toEqual(before);
});
