import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import { bearer, buildWorld, type World } from './federation-support';
import { createSiteToken } from '../src/extensions/federation/tokens';

/**
 * Each site has its own folder in the media library ("Đơn vị/<site name>"), made with the site.
 * A unit's people upload into it, and see and pick only their sites' folders, the national
 * portal's and "Dùng chung"; they cannot upload into, move into, open, rename or delete another
 * unit's folder, nor see its files. Through the admin API as real users.
 */
const FOLDER = 'plugin::upload.folder';
const FILE = 'plugin::upload.file';
// A 1×1 PNG, the smallest real image.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
let cms: TestCms;
let world: World;
type Folder = { id: number; name: string; path: string };
const folders: Record<string, Folder> = {};
const files: Record<string, number> = {};

const folderNamed = async (name: string, parent: number | null) =>
  (await cms.strapi.db.query(FOLDER).findOne({
    where: { name, parent: parent === null ? { id: { $null: true } } : { id: parent } },
    select: ['id', 'name', 'path'],
  })) as Folder | null;

const upload = (who: keyof World['tokens'], name: string, folder?: number) => {
  const req = request(cms.http)
    .post('/upload')
    .set(bearer(world.tokens[who]))
    .attach('files', PNG, { filename: name, contentType: 'image/png' });
  return folder === undefined ? req : req.field('fileInfo', JSON.stringify({ name, folder }));
};
const as = (who: keyof World['tokens']) => ({
  get: (url: string) => request(cms.http).get(url).set(bearer(world.tokens[who])),
  post: (url: string) => request(cms.http).post(url).set(bearer(world.tokens[who])),
  put: (url: string) => request(cms.http).put(url).set(bearer(world.tokens[who])),
});
const fileFolder = async (id: number) =>
  (
    (await cms.strapi.db.query(FILE).findOne({ where: { id }, populate: { folder: { select: ['id'] } } })) as {
      folder: { id: number } | null;
      folderPath: string;
    }
  ).folder?.id ?? null;

beforeAll(async () => {
  cms = await startTestCms('federation_media');
  world = await buildWorld(cms.strapi, cms.http);
  const units = (await folderNamed('Đơn vị', null))!;
  folders.units = units;
  folders.shared = (await folderNamed('Dùng chung', null))!;
  for (const [key, name] of [
    ['national', 'Cổng Phổ biến, giáo dục pháp luật quốc gia'],
    ['hanoi', 'Thành phố Hà Nội'],
    ['communeA', 'Phường Ba Đình'],
    ['communeB', 'Phường Ngọc Hà'],
    ['angiang', 'Tỉnh An Giang'],
  ] as const)
    folders[key] = (await folderNamed(name, units.id))!;
  // National staff put a logo in "Dùng chung" and a picture in the national portal's folder.
  files.shared = (await upload('nationalAdmin', 'quoc-huy.png', folders.shared.id).expect(201)).body[0].id;
  files.national = (await upload('nationalEditor', 'ngay-phap-luat.png').expect(201)).body[0].id;
  files.communeB = (await upload('editorB', 'ngoc-ha.png').expect(201)).body[0].id;
  files.angiang = (await upload('angiangEditor', 'an-giang.png').expect(201)).body[0].id;
});
afterAll(async () => {
  await cms?.stop();
});

describe('site folders', () => {
  test('every site has its folder under "Đơn vị", and "Dùng chung" exists', () => {
    for (const key of ['units', 'shared', 'national', 'hanoi', 'communeA', 'communeB', 'angiang'])
      expect([key, folders[key]?.id]).toEqual([key, expect.any(Number)]);
  });

  test('a site added later gets its folder; a renamed site’s folder follows; a repeated name gets the code', async () => {
    const site = (await cms.strapi.documents('api::site.site').create({
      data: {
        code: 'ha-noi-hoan-kiem',
        name: 'Phường Hoàn Kiếm',
        kind: 'commune',
        basePath: '/ha-noi-hoan-kiem/',
        parent: world.sites.hanoi.documentId,
      },
    } as never)) as { documentId: string };
    expect(await folderNamed('Phường Hoàn Kiếm', folders.units!.id)).not.toBeNull();
    await cms.strapi
      .documents('api::site.site')
      .update({ documentId: site.documentId, data: { name: 'Phường Hoàn Kiếm mới' } } as never);
    expect(await folderNamed('Phường Hoàn Kiếm', folders.units!.id)).toBeNull();
    expect(await folderNamed('Phường Hoàn Kiếm mới', folders.units!.id)).not.toBeNull();
    await cms.strapi.documents('api::site.site').create({
      data: { code: 'an-giang-ba-dinh', name: 'Phường Ba Đình', kind: 'commune', basePath: '/an-giang-ba-dinh/' },
    } as never);
    expect(await folderNamed('Phường Ba Đình (an-giang-ba-dinh)', folders.units!.id)).not.toBeNull();
  });
});

describe('uploads', () => {
  test('an editor’s upload lands in the site’s folder; the national editor’s in the national one', async () => {
    const res = await upload('editorA', 'ba-dinh.png').expect(201);
    files.communeA = res.body[0].id;
    expect(await fileFolder(files.communeA!)).toBe(folders.communeA!.id);
    expect(await fileFolder(files.national!)).toBe(folders.national!.id);
    expect(await fileFolder(files.communeB!)).toBe(folders.communeB!.id);
  });

  test.each([
    ['another ward’s folder', 'communeB'],
    ['the province’s folder', 'hanoi'],
    ['"Dùng chung"', 'shared'],
    ['"Đơn vị" itself', 'units'],
  ])('an editor cannot upload into %s', async (_what, key) => {
    const before = await cms.strapi.db.query(FILE).count({});
    const res = await upload('editorA', 'x.png', folders[key]!.id);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/thư mục của đơn vị mình/);
    expect(await cms.strapi.db.query(FILE).count({})).toBe(before);
  });

  test('the province’s administrator uploads into a ward’s folder below it', async () => {
    const res = await upload('hanoiAdmin', 'cho-phuong.png', folders.communeB!.id).expect(201);
    expect(await fileFolder(res.body[0].id)).toBe(folders.communeB!.id);
  });
});

describe('what a unit sees and picks', () => {
  const ids = (res: request.Response) => (res.body.results as Array<{ id: number }>).map((f) => f.id).sort();

  test('files: its own, the national portal’s and the shared ones; no other unit’s', async () => {
    const seen = ids(await as('editorA').get('/upload/files?pageSize=100').expect(200));
    expect(seen).toEqual(expect.arrayContaining([files.communeA, files.national, files.shared]));
    expect(seen).not.toContain(files.communeB);
    expect(seen).not.toContain(files.angiang);
  });

  test('folders: "Đơn vị" with its own and the national folder inside, and "Dùng chung"', async () => {
    const top = await as('editorA').get('/upload/folders?filters[$and][0][parent][id][$null]=true').expect(200);
    expect((top.body.data as Folder[]).map((f) => f.name).sort()).toEqual(['Dùng chung', 'Đơn vị']);
    const inside = await as('editorA')
      .get(`/upload/folders?filters[$and][0][parent][id]=${folders.units!.id}`)
      .expect(200);
    expect((inside.body.data as Folder[]).map((f) => f.id).sort()).toEqual(
      [folders.communeA!.id, folders.national!.id].sort(),
    );
    const tree = await as('editorA').get('/upload/folder-structure').expect(200);
    const names = (nodes: Array<{ name: string; children: unknown[] }>): string[] =>
      nodes.flatMap((n) => [n.name, ...names(n.children as never)]);
    expect(names(tree.body.data).sort()).toEqual(
      ['Cổng Phổ biến, giáo dục pháp luật quốc gia', 'Dùng chung', 'Phường Ba Đình', 'Đơn vị'].sort(),
    );
  });

  test('another unit’s folder cannot be opened', async () => {
    await as('editorA').get(`/upload/folders/${folders.communeB!.id}`).expect(404);
    await as('editorA').get(`/upload/folders/${folders.communeA!.id}`).expect(200);
  });

  test('the province’s administrator sees its wards’ folders and files, not another province’s', async () => {
    const inside = await as('hanoiAdmin')
      .get(`/upload/folders?filters[$and][0][parent][id]=${folders.units!.id}`)
      .expect(200);
    const seen = (inside.body.data as Folder[]).map((f) => f.id);
    expect(seen).toEqual(
      expect.arrayContaining([folders.hanoi!.id, folders.communeA!.id, folders.communeB!.id, folders.national!.id]),
    );
    expect(seen).not.toContain(folders.angiang!.id);
    const fileIds = ids(await as('hanoiAdmin').get('/upload/files?pageSize=100').expect(200));
    expect(fileIds).toEqual(expect.arrayContaining([files.communeA, files.communeB]));
    expect(fileIds).not.toContain(files.angiang);
  });

  test('the national administrator sees every folder', async () => {
    const inside = await as('nationalAdmin')
      .get(`/upload/folders?filters[$and][0][parent][id]=${folders.units!.id}`)
      .expect(200);
    expect((inside.body.data as Folder[]).map((f) => f.id)).toEqual(
      expect.arrayContaining([folders.angiang!.id, folders.communeB!.id]),
    );
  });
});

describe('folders and moves', () => {
  let sub: number;

  test('a unit makes, renames and uses a folder inside its own; not at the top, nor in another unit’s', async () => {
    const made = await as('editorA')
      .post('/upload/folders')
      .send({ name: 'Ảnh sự kiện', parent: folders.communeA!.id })
      .expect(201);
    sub = made.body.data.id;
    await as('editorA').put(`/upload/folders/${sub}`).send({ name: 'Ảnh sự kiện 2026' }).expect(200);
    await upload('editorA', 'su-kien.png', sub).expect(201);
    for (const parent of [null, folders.communeB!.id, folders.shared!.id]) {
      const res = await as('editorA').post('/upload/folders').send({ name: 'Thử', parent });
      expect([parent, res.status]).toEqual([parent, 403]);
    }
  });

  test('a site’s own folder is not renamed, moved or deleted by its unit; another unit’s not at all', async () => {
    for (const [id, status] of [
      [folders.communeA!.id, 403],
      [folders.communeB!.id, 403],
    ] as const) {
      const before = await cms.strapi.db.query(FOLDER).findOne({ where: { id } });
      expect((await as('editorA').put(`/upload/folders/${id}`).send({ name: 'Đổi tên' })).status).toBe(status);
      expect(
        (await as('editorA').post('/upload/actions/bulk-delete').send({ fileIds: [], folderIds: [id] })).status,
      ).toBe(403);
      expect(
        (
          await as('editorA')
            .post('/upload/actions/bulk-move')
            .send({ fileIds: [], folderIds: [id], destinationFolderId: sub })
        ).status,
      ).toBe(403);
      expect(await cms.strapi.db.query(FOLDER).findOne({ where: { id } })).toEqual(before);
    }
  });

  test('a unit moves its file into its own folders only', async () => {
    await as('editorA')
      .post('/upload/actions/bulk-move')
      .send({ fileIds: [files.communeA], folderIds: [], destinationFolderId: sub })
      .expect(200);
    expect(await fileFolder(files.communeA!)).toBe(sub);
    for (const destination of [folders.communeB!.id, folders.shared!.id, null]) {
      const res = await as('editorA')
        .post('/upload/actions/bulk-move')
        .send({ fileIds: [files.communeA], folderIds: [], destinationFolderId: destination });
      expect([destination, res.status]).toEqual([destination, 403]);
    }
    const moved = await as('editorA')
      .post(`/upload?id=${files.communeA}`)
      .field('fileInfo', JSON.stringify({ name: 'ba-dinh.png', folder: folders.communeB!.id }));
    expect(moved.status).toBe(403);
    expect(await fileFolder(files.communeA!)).toBe(sub);
    // Editing a file's details keeps its folder (Strapi writes the stored folder back).
    await as('editorA')
      .post(`/upload?id=${files.communeA}`)
      .field('fileInfo', JSON.stringify({ name: 'ba-dinh.png', alternativeText: 'Ảnh Ba Đình' }))
      .expect(200);
  });

  test('a unit cannot change, move or delete the shared or national files it can pick', async () => {
    for (const id of [files.shared!, files.national!]) {
      const before = JSON.stringify(await cms.strapi.db.query(FILE).findOne({ where: { id } }));
      const rename = await as('editorA')
        .post(`/upload?id=${id}`)
        .field('fileInfo', JSON.stringify({ name: 'x.png', alternativeText: 'x' }));
      expect(rename.status).toBe(403);
      expect((await request(cms.http).delete(`/upload/files/${id}`).set(bearer(world.tokens.editorA))).status).toBe(
        403,
      );
      expect(
        (await as('editorA').post('/upload/actions/bulk-delete').send({ fileIds: [id], folderIds: [] })).status,
      ).toBe(403);
      expect(JSON.stringify(await cms.strapi.db.query(FILE).findOne({ where: { id } }))).toBe(before);
    }
  });
});

describe('a site’s API token (content API, where no admin condition applies)', () => {
  let siteToken: string;
  beforeAll(async () => {
    siteToken = (await createSiteToken(cms.strapi, { siteCode: 'ha-noi-ba-dinh', purpose: 'Thư viện ảnh' }))
      .accessKey;
  });

  test('uploads into its site’s folder', async () => {
    const res = await request(cms.http)
      .post('/api/upload')
      .set(bearer(siteToken))
      .attach('files', PNG, { filename: 'tu-dong.png', contentType: 'image/png' });
    expect([res.status, res.body?.error?.message]).toEqual([201, undefined]);
    expect(await fileFolder(res.body[0].id)).toBe(folders.communeA!.id);
  });

  test('reads over REST and GraphQL only what its unit’s people see', async () => {
    const rest = await request(cms.http).get('/api/upload/files').set(bearer(siteToken)).expect(200);
    const restIds = (rest.body as Array<{ id: number }>).map((f) => f.id);
    expect(restIds).toEqual(expect.arrayContaining([files.national, files.shared]));
    expect(restIds).not.toContain(files.communeB);
    expect(restIds).not.toContain(files.angiang);
    await request(cms.http).get(`/api/upload/files/${files.communeB}`).set(bearer(siteToken)).expect(404);
    await request(cms.http).get(`/api/upload/files/${files.shared}`).set(bearer(siteToken)).expect(200);
    const graphql = await request(cms.http)
      .post('/graphql')
      .set(bearer(siteToken))
      .send({ query: '{ uploadFiles(pagination: { limit: 100 }) { documentId name } }' })
      .expect(200);
    const names = (graphql.body.data.uploadFiles as Array<{ name: string }>).map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['quoc-huy.png', 'ngay-phap-luat.png']));
    expect(names).not.toContain('ngoc-ha.png');
    expect(names).not.toContain('an-giang.png');
  });

  test('cannot change or delete another unit’s file', async () => {
    const id = files.communeB!;
    const before = JSON.stringify(await cms.strapi.db.query(FILE).findOne({ where: { id } }));
    const rename = await request(cms.http)
      .post(`/api/upload?id=${id}`)
      .set(bearer(siteToken))
      .field('fileInfo', JSON.stringify({ name: 'x.png', alternativeText: 'x' }));
    expect(rename.status).toBe(403);
    const removed = await request(cms.http).delete(`/api/upload/files/${id}`).set(bearer(siteToken));
    expect(removed.status).toBe(403);
    expect(JSON.stringify(await cms.strapi.db.query(FILE).findOne({ where: { id } }))).toBe(before);
  });
});
