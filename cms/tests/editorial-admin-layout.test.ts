import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import { superAdminToken } from './fixtures';
import { CITING_TYPES } from '@pbgdpl/domain';
import { applyAdminLayouts, COMPONENT_LAYOUTS, CONTENT_TYPE_LAYOUTS } from '../src/extensions/admin-layout';

/**
 * Editors see every content type in Vietnamese: a label and a hint on every field, sensible list
 * columns and sort, readable relation pickers and a grouped edit form. Written at boot, once per
 * version of ours: what an administrator changes afterwards stays.
 */
type Metadata = { edit: Record<string, unknown>; list: Record<string, unknown> };
type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: Array<Array<{ name: string; size: number }>> };
};

let cms: TestCms;
let token: string;
const TYPES = Object.keys(CONTENT_TYPE_LAYOUTS);
const uidOf = (name: string) => `api::${name}.${name}`;

beforeAll(async () => {
  cms = await startTestCms('editorial_admin_layout');
  token = await superAdminToken(cms.strapi, cms.http);
});
afterAll(async () => {
  await cms?.stop();
});

async function configurationOf(name: string) {
  const res = await request(cms.http)
    .get(`/content-manager/content-types/${uidOf(name)}/configuration`)
    .set('Authorization', `Bearer ${token}`)
    .expect(200);
  return res.body.data as { contentType: Configuration; components: Record<string, Configuration> };
}

/** What the model declares (the schema's own attributes), to check each has its text. */
function attributesOf(uid: string): string[] {
  const model = cms.strapi.getModel(uid as never) as unknown as {
    attributes: Record<string, { private?: boolean }>;
  };
  const system = new Set([
    'createdAt',
    'updatedAt',
    'publishedAt',
    'createdBy',
    'updatedBy',
    'locale',
    'localizations',
  ]);
  return Object.keys(model.attributes).filter((name) => !system.has(name));
}

test('the admin panel speaks Vietnamese', async () => {
  const app = fs.readFileSync(path.join(__dirname, '..', 'src', 'admin', 'app.tsx'), 'utf8');
  expect(app).toMatch(/locales:\s*\['vi'\]/);
});

test.each(TYPES)(
  '%s: every field has a Vietnamese label and hint slot, list columns, sort and main field',
  async (name) => {
    const { contentType, components } = await configurationOf(name);
    const spec = CONTENT_TYPE_LAYOUTS[name]!;
    for (const attribute of attributesOf(uidOf(name))) {
      const meta = contentType.metadatas[attribute];
      expect({ attribute, label: meta?.edit.label }).toEqual({ attribute, label: expect.any(String) });
      expect(meta!.edit.label).not.toBe(attribute);
      expect(meta!.list.label).toBe(meta!.edit.label);
      expect(typeof meta!.edit.description).toBe('string');
    }
    expect(contentType.metadatas.updatedAt?.list.label).toBe('Cập nhật lúc');
    expect(contentType.layouts.list).toEqual(spec.list);
    expect(contentType.settings).toMatchObject({
      mainField: spec.mainField,
      defaultSortBy: spec.sort![0],
      defaultSortOrder: spec.sort![1],
    });
    for (const row of contentType.layouts.edit) {
      expect(row.reduce((width, field) => width + field.size, 0)).toBeLessThanOrEqual(12);
    }
    for (const [uid, component] of Object.entries(components)) {
      if (!(uid in COMPONENT_LAYOUTS)) continue;
      for (const [field, meta] of Object.entries(component.metadatas)) {
        if (field === 'id') continue;
        expect({ uid, field, label: meta.edit.label }).not.toEqual({ uid, field, label: field });
      }
    }
  },
);

test('every content type of the app is described (a new type needs its texts and layout)', () => {
  const apiTypes = Object.keys(cms.strapi.contentTypes)
    .filter((uid) => uid.startsWith('api::'))
    .map((uid) => uid.replace(/^api::([a-z-]+)\..*$/, '$1'))
    .sort();
  expect(apiTypes).toEqual([...TYPES].sort());
});

test('labels and hints read as an editor expects', async () => {
  const qa = (await configurationOf('qa')).contentType;
  expect(qa.metadatas.askerEmail!.edit).toMatchObject({
    label: 'Email người hỏi',
    description: 'Không bao giờ công khai.',
  });
  expect(qa.metadatas.handlingStatus!.edit.description).toContain('rejected: Từ chối');
  expect(qa.metadatas.handlingStatus!.edit.editable).toBe(false);
  expect(qa.layouts.list).toEqual(expect.arrayContaining(['handlingStatus']));
  const dialogue = (await configurationOf('dialogue')).contentType;
  expect(dialogue.metadatas.phase!.edit).toMatchObject({ label: 'Giai đoạn', editable: true });
  expect(dialogue.layouts.list).toEqual(expect.arrayContaining(['phase']));
  expect(qa.metadatas.mayBeOutdated!.edit.editable).toBe(false);
  const video = await configurationOf('video');
  expect(video.contentType.metadatas.youtubeId!.edit.label).toBe('Mã video YouTube');
  expect(video.components['shared.caption-track']!.metadatas.file!.edit.description).toMatch(/WebVTT/);
  const document = (await configurationOf('legal-document')).contentType;
  expect(document.metadatas.number!.edit.label).toBe('Số ký hiệu');
  expect(document.metadatas.validityStatus!.edit.editable).toBe(false);
  expect(document.layouts.list).toEqual(expect.arrayContaining(['validityStatus', 'owningSite']));
});

test.each(CITING_TYPES)(
  '%s: "may be outdated" and its reason are shown on the form but not editable (only a re-check clears them)',
  async (name) => {
    const { metadatas, layouts } = (await configurationOf(name)).contentType;
    for (const field of ['mayBeOutdated', 'outdatedReason']) {
      expect({ field, editable: metadatas[field]!.edit.editable }).toEqual({ field, editable: false });
    }
    expect(layouts.edit.flat().map((f) => f.name)).toEqual(
      expect.arrayContaining(['citationsCheckedAt', 'mayBeOutdated', 'outdatedReason']),
    );
  },
);

test('relations show names, not ids: a site by its name, a document by its number', async () => {
  const introduction = (await configurationOf('introduction')).contentType;
  expect(introduction.metadatas.owningSite!.edit.mainField).toBe('name');
  expect(introduction.metadatas.fields!.edit.mainField).toBe('name');
  expect((await configurationOf('site')).contentType.settings.mainField).toBe('name');
  expect((await configurationOf('legal-document')).contentType.settings.mainField).toBe('number');
});

test('the configuration passes the content manager’s own validation when saved back', async () => {
  for (const name of ['qa', 'legal-document', 'site']) {
    const { contentType } = await configurationOf(name);
    const { settings, layouts } = contentType;
    const metadatas = Object.fromEntries(
      Object.entries(contentType.metadatas)
        .filter(([key]) => key !== 'documentId')
        .map(([key, meta]) => {
          const edit = { ...meta.edit };
          if (edit.mainField && typeof edit.mainField === 'object') {
            edit.mainField = (edit.mainField as { name: string }).name;
          }
          return [
            key,
            {
              edit,
              list: {
                label: meta.list.label,
                searchable: meta.list.searchable,
                sortable: meta.list.sortable,
              },
            },
          ];
        }),
    );
    const res = await request(cms.http)
      .put(`/content-manager/content-types/${uidOf(name)}/configuration`)
      .set('Authorization', `Bearer ${token}`)
      .send({ settings, metadatas, layouts });
    expect({ name, status: res.status, error: res.body.error }).toEqual({
      name,
      status: 200,
      error: undefined,
    });
  }
});

describe('written once per version of ours', () => {
  test('a second boot writes nothing', async () => {
    const again = await applyAdminLayouts(cms.strapi);
    expect(again.written).toEqual([]);
    expect(again.kept).toEqual(expect.arrayContaining(TYPES.map(uidOf)));
  });

  test('an administrator’s change survives a reboot, and our next version replaces it', async () => {
    const { contentType } = await configurationOf('news-item');
    const changed = {
      settings: { ...contentType.settings, pageSize: 50 },
      layouts: { ...contentType.layouts, list: ['title', 'eventDate'] },
    };
    await request(cms.http)
      .put(`/content-manager/content-types/${uidOf('news-item')}/configuration`)
      .set('Authorization', `Bearer ${token}`)
      .send(changed)
      .expect(200);

    await applyAdminLayouts(cms.strapi);
    expect((await configurationOf('news-item')).contentType.layouts.list).toEqual(['title', 'eventDate']);

    const next = await applyAdminLayouts(cms.strapi, { version: 2 });
    expect(next.written).toContain(uidOf('news-item'));
    const after = (await configurationOf('news-item')).contentType;
    expect(after.layouts.list).toEqual(CONTENT_TYPE_LAYOUTS['news-item']!.list);
    expect(after.settings.pageSize).toBe(50); // a setting we do not manage stays
  });
});

test.each(TYPES)('%s: the list view opens with our default sort and page size', async (name) => {
  const { settings } = (await configurationOf(name)).contentType;
  const res = await request(cms.http)
    .get(`/content-manager/collection-types/${uidOf(name)}`)
    .query({
      page: 1,
      pageSize: settings.pageSize as number,
      sort: `${String(settings.defaultSortBy)}:${String(settings.defaultSortOrder)}`,
    })
    .set('Authorization', `Bearer ${token}`);
  expect(res.status).toBe(200);
  expect(res.body.pagination).toMatchObject({ page: 1, pageSize: settings.pageSize });
});
