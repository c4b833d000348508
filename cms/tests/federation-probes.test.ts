import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import {
  bearer,
  buildWorld,
  dialogue,
  newsItem,
  type AccountKey,
  type SiteKey,
  type World,
} from './federation-support';

/**
 * The probe suite: editors of a commune, two provinces and a ministry, and a site-bound API
 * token, try every cross-site action through the content manager (items, bulk actions,
 * relations), the Document Service (as the signed-in user, the way custom code would), REST,
 * GraphQL and the media library. Every attempt must be refused (403/404, an error, or nothing
 * read) and leave the database exactly as it was. Control writes on each actor's own site must
 * succeed and appear in the audit log with the right actor and site. The count is printed.
 */
const NEWS = 'api::news-item.news-item';
const DIALOGUE = 'api::dialogue.dialogue';
const AUDIT = 'api::audit-entry.audit-entry';
const CM = `/content-manager/collection-types/${NEWS}`;

let cms: TestCms;
let world: World;
let siteToken: string;
const victims = {} as Record<SiteKey, { draft: string; published: string; dialogue: string }>;
const own = {} as Record<AccountKey, string>;
let refused = 0;

/** Who attacks which other sites (each is outside the attacker's scope). */
const ATTACKS: Array<[AccountKey, SiteKey[]]> = [
  ['editorA', ['communeB', 'hanoi', 'national', 'angiang']],
  ['hanoiEditor', ['communeA', 'angiang', 'ministry']], // a province's editor (not admin): no communes
  ['angiangEditor', ['hanoi', 'communeA', 'national']],
  ['ministryEditor', ['national', 'hanoi', 'communeB']],
];
const TOKEN_VICTIMS: SiteKey[] = ['communeB', 'hanoi', 'national', 'angiang'];

beforeAll(async () => {
  cms = await startTestCms('federation_probes');
  world = await buildWorld(cms.strapi, cms.http);
  for (const key of Object.keys(world.sites) as SiteKey[]) {
    const site = world.sites[key];
    victims[key] = {
      draft: await newsItem(cms.strapi, site, `Bản nháp của ${site.code}`),
      published: await newsItem(cms.strapi, site, `Tin đã đăng của ${site.code}`, { publish: true }),
      dialogue: await dialogue(cms.strapi, site, `Đối thoại của ${site.code}`),
    };
  }
  for (const [attacker] of ATTACKS) {
    const site =
      world.sites[
        (
          {
            editorA: 'communeA',
            hanoiEditor: 'hanoi',
            angiangEditor: 'angiang',
            ministryEditor: 'ministry',
          } as Record<string, SiteKey>
        )[attacker]!
      ];
    own[attacker] = await newsItem(cms.strapi, site, `Tin riêng của ${attacker}`);
  }
  siteToken = (
    (await cms.strapi.service('admin::api-token').create({
      name: '[ha-noi-ba-dinh] Tích hợp thử',
      type: 'full-access',
      lifespan: null,
    })) as { accessKey: string }
  ).accessKey;
});
afterAll(async () => {
  console.log(`federation probes: ${refused} cross-site attempts refused, database unchanged after each`);
  await cms?.stop();
});

/** Every stored row of the victim's items and of the audit-free tables an attempt could touch. */
async function fingerprint(site: SiteKey): Promise<string> {
  const rows = await cms.strapi.db.query(NEWS).findMany({
    where: { owningSite: { id: world.sites[site].id } },
    orderBy: { id: 'asc' },
    populate: { owningSite: { select: ['id'] } },
  });
  // A dialogue's `phase` follows the clock (scheduled job): not something a probe could change.
  const dialogues = (
    (await cms.strapi.db.query(DIALOGUE).findMany({
      where: { owningSite: { id: world.sites[site].id } },
      orderBy: { id: 'asc' },
      populate: { questions: { select: ['id'] } },
    })) as Array<Record<string, unknown>>
  ).map(({ phase: _phase, ...rest }) => rest);
  return JSON.stringify({ rows, dialogues, total: await cms.strapi.db.query(NEWS).count({}) });
}

type Outcome = { status: number; body?: unknown } | { error: Error } | { value: unknown };

/** Runs an attempt and checks it was refused and changed nothing. */
async function probe(site: SiteKey, attempt: () => Promise<Outcome>, refusedIf?: (o: Outcome) => boolean) {
  const before = await fingerprint(site);
  const outcome = await attempt();
  const wasRefused = refusedIf
    ? refusedIf(outcome)
    : 'status' in outcome
      ? [403, 404].includes(outcome.status)
      : 'error' in outcome;
  if (!wasRefused)
    throw new Error(
      `not refused: ${JSON.stringify('error' in outcome ? String(outcome.error) : outcome).slice(0, 400)}`,
    );
  expect(await fingerprint(site)).toBe(before);
  refused += 1;
}

const http = (res: request.Response): Outcome => ({ status: res.status, body: res.body });

async function asUser<T>(who: AccountKey, fn: () => Promise<T>): Promise<Outcome> {
  const user = await cms.strapi.db
    .query('admin::user')
    .findOne({ where: { id: world.userIds[who] }, populate: ['roles'] });
  const ctx = {
    state: { user, auth: { strategy: { name: 'admin' }, credentials: user } },
    request: { ip: '203.0.113.7', header: { 'user-agent': 'probe' } },
  };
  try {
    return {
      value: await (
        cms.strapi.requestContext as unknown as { run: (c: unknown, f: () => Promise<T>) => Promise<T> }
      ).run(ctx, fn),
    };
  } catch (error) {
    return { error: error as Error };
  }
}

const documents = () =>
  cms.strapi.documents(NEWS as never) as unknown as Record<string, (p: unknown) => Promise<unknown>>;

/** Content-manager attempts: [name, run(attacker token, victim ids, victim site documentId)]. */
const ADMIN_ATTEMPTS: Array<
  [string, (t: string, v: (typeof victims)[SiteKey], site: string) => Promise<Outcome>]
> = [
  [
    'read a draft',
    async (t, v) => http(await request(cms.http).get(`${CM}/${v.draft}?locale=vi`).set(bearer(t))),
  ],
  [
    'update',
    async (t, v) =>
      http(await request(cms.http).put(`${CM}/${v.draft}?locale=vi`).set(bearer(t)).send({ title: 'x' })),
  ],
  [
    'publish',
    async (t, v) =>
      http(
        await request(cms.http).post(`${CM}/${v.draft}/actions/publish?locale=vi`).set(bearer(t)).send({}),
      ),
  ],
  [
    'unpublish',
    async (t, v) =>
      http(
        await request(cms.http)
          .post(`${CM}/${v.published}/actions/unpublish?locale=vi`)
          .set(bearer(t))
          .send({}),
      ),
  ],
  [
    'discard a draft',
    async (t, v) =>
      http(
        await request(cms.http)
          .post(`${CM}/${v.published}/actions/discard?locale=vi`)
          .set(bearer(t))
          .send({}),
      ),
  ],
  [
    'delete',
    async (t, v) => http(await request(cms.http).delete(`${CM}/${v.draft}?locale=vi`).set(bearer(t))),
  ],
  [
    'clone',
    async (t, v) =>
      http(
        await request(cms.http).post(`${CM}/clone/${v.draft}?locale=vi`).set(bearer(t)).send({ title: 'x' }),
      ),
  ],
  [
    'bulk-delete',
    async (t, v) =>
      http(
        await request(cms.http)
          .post(`${CM}/actions/bulkDelete?locale=vi`)
          .set(bearer(t))
          .send({ documentIds: [v.draft] }),
      ),
  ],
  [
    'bulk-publish',
    async (t, v) =>
      http(
        await request(cms.http)
          .post(`${CM}/actions/bulkPublish?locale=vi`)
          .set(bearer(t))
          .send({ documentIds: [v.draft] }),
      ),
  ],
  [
    'bulk-unpublish',
    async (t, v) =>
      http(
        await request(cms.http)
          .post(`${CM}/actions/bulkUnpublish?locale=vi`)
          .set(bearer(t))
          .send({ documentIds: [v.published] }),
      ),
  ],
  [
    'count draft relations',
    async (t, v) =>
      http(
        await request(cms.http).get(`${CM}/${v.draft}/actions/countDraftRelations?locale=vi`).set(bearer(t)),
      ),
  ],
  [
    'create an item owned by it',
    async (t, _v, site) =>
      http(
        await request(cms.http)
          .post(`${CM}?locale=vi`)
          .set(bearer(t))
          .send({
            title: 'x',
            summary: 'x',
            audience: 'own_site',
            owningSite: { connect: [{ documentId: site }] },
          }),
      ),
  ],
  [
    'list its questions (relations)',
    async (t, v) =>
      http(
        await request(cms.http)
          .get(`/content-manager/relations/${DIALOGUE}/${v.dialogue}/questions?locale=vi`)
          .set(bearer(t)),
      ),
  ],
];

/** Document Service attempts made as the signed-in attacker (custom code, GraphQL resolvers…). */
type Target = { v: (typeof victims)[SiteKey]; site: string; own: string };
const SERVICE_ATTEMPTS: Array<[string, (t: Target) => Promise<unknown>, ((o: Outcome) => boolean) | null]> = [
  [
    'update',
    ({ v }) => documents().update!({ documentId: v.draft, locale: 'vi', data: { title: 'x' } }),
    null,
  ],
  ['delete', ({ v }) => documents().delete!({ documentId: v.draft, locale: 'vi' }), null],
  ['publish', ({ v }) => documents().publish!({ documentId: v.draft, locale: 'vi' }), null],
  ['unpublish', ({ v }) => documents().unpublish!({ documentId: v.published, locale: 'vi' }), null],
  ['discard a draft', ({ v }) => documents().discardDraft!({ documentId: v.published, locale: 'vi' }), null],
  ['clone', ({ v }) => documents().clone!({ documentId: v.draft, locale: 'vi', data: {} }), null],
  [
    'create an item owned by it',
    ({ site }) =>
      documents().create!({
        locale: 'vi',
        data: { title: 'x', summary: 'x', audience: 'own_site', owningSite: site },
      }),
    null,
  ],
  [
    'give its own item to it',
    ({ site, own }) => documents().update!({ documentId: own, locale: 'vi', data: { owningSite: site } }),
    null,
  ],
  [
    'read a draft',
    ({ v }) => documents().findOne!({ documentId: v.draft, locale: 'vi' }),
    (o) => 'value' in o && o.value === null,
  ],
  [
    'list drafts',
    ({ v }) =>
      documents().findMany!({ locale: 'vi', filters: { documentId: { $in: [v.draft, v.published] } } }),
    (o) => 'value' in o && Array.isArray(o.value) && o.value.length === 0,
  ],
  [
    'count drafts',
    ({ v }) => documents().count!({ locale: 'vi', filters: { documentId: v.draft } }),
    (o) => 'value' in o && o.value === 0,
  ],
];

describe.each(ATTACKS)('%s', (attacker, targets) => {
  describe.each(targets)('against %s', (victim) => {
    test.each(ADMIN_ATTEMPTS)('content manager: cannot %s', async (_name, attempt) => {
      await probe(victim, () =>
        attempt(world.tokens[attacker], victims[victim], world.sites[victim].documentId),
      );
    });

    test.each(SERVICE_ATTEMPTS)('Document Service: cannot %s', async (_name, attempt, refusedIf) => {
      const target = { v: victims[victim], site: world.sites[victim].documentId, own: own[attacker] };
      await probe(victim, () => asUser(attacker, () => attempt(target)), refusedIf ?? undefined);
    });
  });
});

describe('a token bound to Phường Ba Đình', () => {
  const gql = async (query: string, variables: Record<string, unknown>) =>
    http(await request(cms.http).post('/graphql').set(bearer(siteToken)).send({ query, variables }));
  const gqlRefused = (o: Outcome) =>
    'status' in o &&
    (o.status === 403 || JSON.stringify(o.body).match(/"errors"/) !== null) &&
    !JSON.stringify(o.body).includes('"title":"x"');

  describe.each(TOKEN_VICTIMS)('against %s', (victim) => {
    const v = () => victims[victim];
    test.each([
      [
        'REST: cannot update',
        async () =>
          http(
            await request(cms.http)
              .put(`/api/news-items/${v().draft}`)
              .set(bearer(siteToken))
              .send({ data: { title: 'x' } }),
          ),
      ],
      [
        'REST: cannot delete',
        async () =>
          http(await request(cms.http).delete(`/api/news-items/${v().published}`).set(bearer(siteToken))),
      ],
      [
        'REST: cannot create an item owned by it',
        async () =>
          http(
            await request(cms.http)
              .post('/api/news-items')
              .set(bearer(siteToken))
              .send({
                data: {
                  title: 'x',
                  summary: 'x',
                  audience: 'own_site',
                  owningSite: world.sites[victim].documentId,
                },
              }),
          ),
      ],
    ] as Array<[string, () => Promise<Outcome>]>)('%s', async (_name, attempt) => {
      await probe(victim, attempt);
    });

    test('REST: cannot read its drafts', async () => {
      await probe(
        victim,
        async () =>
          http(
            await request(cms.http)
              .get(`/api/news-items?status=draft&filters[documentId][$eq]=${v().draft}`)
              .set(bearer(siteToken)),
          ),
        (o) => 'status' in o && (o.status !== 200 || (o.body as { data: unknown[] }).data.length === 0),
      );
    });

    test.each([
      [
        'GraphQL: cannot update',
        () =>
          gql('mutation($id: ID!) { updateNewsItem(documentId: $id, data: { title: "x" }) { title } }', {
            id: v().draft,
          }),
      ],
      [
        'GraphQL: cannot delete',
        () =>
          gql('mutation($id: ID!) { deleteNewsItem(documentId: $id) { documentId } }', { id: v().published }),
      ],
      [
        'GraphQL: cannot create an item owned by it',
        () =>
          gql(
            'mutation($site: ID!) { createNewsItem(data: { title: "x", summary: "x", audience: own_site, owningSite: $site }) { title } }',
            { site: world.sites[victim].documentId },
          ),
      ],
    ] as Array<[string, () => Promise<Outcome>]>)('%s', async (_name, attempt) => {
      await probe(victim, attempt, gqlRefused);
    });

    test('GraphQL: cannot read its drafts', async () => {
      await probe(
        victim,
        () =>
          gql(
            'query($id: ID!) { newsItems(status: DRAFT, filters: { documentId: { eq: $id } }) { title } }',
            { id: v().draft },
          ),
        (o) => 'status' in o && !JSON.stringify(o.body).includes('Bản nháp'),
      );
    });
  });
});

describe('anonymous readers', () => {
  test.each(TOKEN_VICTIMS)("cannot read %s's drafts over REST or GraphQL", async (victim) => {
    await probe(
      victim,
      async () =>
        http(
          await request(cms.http).get(
            `/api/news-items?status=draft&filters[documentId][$eq]=${victims[victim].draft}`,
          ),
        ),
      (o) => 'status' in o && (o.status !== 200 || (o.body as { data: unknown[] }).data.length === 0),
    );
    await probe(
      victim,
      async () =>
        http(
          await request(cms.http)
            .post('/graphql')
            .send({
              query: `{ newsItems(status: DRAFT, filters: { documentId: { eq: "${victims[victim].draft}" } }) { title } }`,
            }),
        ),
      (o) => 'status' in o && !JSON.stringify(o.body).includes('Bản nháp'),
    );
  });
});

describe("the admin home page's recent documents", () => {
  test.each(
    ATTACKS.flatMap(([attacker, targets]) =>
      (['update', 'publish'] as const).map((action) => [attacker, action, targets] as const),
    ),
  )('%s sees no other site’s items among the recent (%s)', async (attacker, action, targets) => {
    const res = await request(cms.http)
      .get(`/content-manager/homepage/recent-documents?action=${action}`)
      .set(bearer(world.tokens[attacker]));
    expect(res.status).toBe(200);
    const titles = JSON.stringify(res.body);
    // Titles end with the owner's code: "Bản nháp của ha-noi" (not a prefix of ha-noi-ba-dinh's).
    for (const victim of targets) expect(titles).not.toContain(`của ${world.sites[victim].code}"`);
    const ownSite = (
      {
        editorA: 'communeA',
        hanoiEditor: 'hanoi',
        angiangEditor: 'angiang',
        ministryEditor: 'ministry',
      } as Record<string, SiteKey>
    )[attacker]!;
    if (action === 'update') expect(titles).toContain(`của ${world.sites[ownSite].code}"`); // the check can see titles
    refused += 1;
  });
});

describe('the media library', () => {
  // A 1×1 PNG, the smallest real image.
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const files = {} as Record<'communeB' | 'angiang', number>;
  const fileRow = (id: number) => cms.strapi.db.query('plugin::upload.file').findOne({ where: { id } });
  const fileProbe = async (id: number, attempt: () => Promise<request.Response>) => {
    const before = JSON.stringify(await fileRow(id));
    const res = await attempt();
    expect([403, 404]).toContain(res.status);
    expect(JSON.stringify(await fileRow(id))).toBe(before);
    refused += 1;
  };

  beforeAll(async () => {
    for (const [key, who] of [
      ['communeB', 'editorB'],
      ['angiang', 'angiangEditor'],
    ] as const) {
      const res = await request(cms.http)
        .post('/upload')
        .set(bearer(world.tokens[who]))
        .attach('files', PNG, { filename: `logo-${key}.png`, contentType: 'image/png' })
        .expect(201);
      files[key] = res.body[0].id;
    }
  });

  test.each(['communeB', 'angiang'] as const)(
    "an editor of Ba Đình does not see %s's file in the library",
    async (key) => {
      const res = await request(cms.http)
        .get('/upload/files?pageSize=100')
        .set(bearer(world.tokens.editorA))
        .expect(200);
      expect((res.body.results as Array<{ id: number }>).map((f) => f.id)).not.toContain(files[key]);
      refused += 1;
    },
  );

  describe.each(['communeB', 'angiang'] as const)("an editor of Ba Đình and %s's file", (key) => {
    test('cannot open it', () =>
      fileProbe(files[key], () =>
        request(cms.http).get(`/upload/files/${files[key]}`).set(bearer(world.tokens.editorA)),
      ));
    test('cannot rename it', () =>
      fileProbe(files[key], () =>
        request(cms.http)
          .post(`/upload?id=${files[key]}`)
          .set(bearer(world.tokens.editorA))
          .field('fileInfo', JSON.stringify({ name: 'x.png', alternativeText: 'x' })),
      ));
    test('cannot replace it', () =>
      fileProbe(files[key], () =>
        request(cms.http)
          .post(`/upload?id=${files[key]}`)
          .set(bearer(world.tokens.editorA))
          .attach('files', PNG, { filename: 'x.png', contentType: 'image/png' }),
      ));
    test('cannot delete it', () =>
      fileProbe(files[key], () =>
        request(cms.http).delete(`/upload/files/${files[key]}`).set(bearer(world.tokens.editorA)),
      ));
    test('cannot bulk-delete it', () =>
      fileProbe(files[key], () =>
        request(cms.http)
          .post('/upload/actions/bulk-delete')
          .set(bearer(world.tokens.editorA))
          .send({ fileIds: [files[key]], folderIds: [] }),
      ));
    test('cannot bulk-move it', () =>
      fileProbe(files[key], () =>
        request(cms.http)
          .post('/upload/actions/bulk-move')
          .set(bearer(world.tokens.editorA))
          .send({ fileIds: [files[key]], folderIds: [], destinationFolderId: null }),
      ));
  });

  test("Hà Nội's unit administrator sees the file of its ward's editor, not An Giang's", async () => {
    const res = await request(cms.http)
      .get('/upload/files?pageSize=100')
      .set(bearer(world.tokens.hanoiAdmin))
      .expect(200);
    const ids = (res.body.results as Array<{ id: number }>).map((f) => f.id);
    expect(ids).toContain(files.communeB);
    expect(ids).not.toContain(files.angiang);
  });
});

describe('control writes on the own site succeed and are audited with the right actor and site', () => {
  test.each(ATTACKS.map(([attacker]) => attacker))('%s updates its own item', async (attacker) => {
    const res = await request(cms.http)
      .put(`${CM}/${own[attacker]}?locale=vi`)
      .set(bearer(world.tokens[attacker]))
      .send({ summary: `Sửa bởi ${attacker}` });
    expect(res.status).toBe(200);
    const entry = await cms.strapi.db
      .query(AUDIT)
      .findOne({ where: { itemDocumentId: own[attacker], action: 'update' } });
    const site = (await cms.strapi.db
      .query(NEWS)
      .findOne({ where: { documentId: own[attacker] }, populate: { owningSite: { select: ['code'] } } })) as {
      owningSite: { code: string };
    };
    expect(entry).toMatchObject({ actorEmail: world.emails[attacker], siteCode: site.owningSite.code });
  });

  test('the site token writes its own site’s items, audited as the token', async () => {
    const res = await request(cms.http)
      .post('/api/news-items')
      .set(bearer(siteToken))
      .send({
        data: {
          title: 'Tin qua API',
          summary: 'Tích hợp',
          audience: 'own_site',
          owningSite: world.sites.communeA.documentId,
        },
      });
    expect(res.status).toBe(201);
    const entry = await cms.strapi.db
      .query(AUDIT)
      .findOne({ where: { itemDocumentId: res.body.data.documentId, action: 'create' } });
    expect(entry).toMatchObject({
      actorKind: 'api_token',
      actorLabel: '[ha-noi-ba-dinh] Tích hợp thử',
      siteCode: 'ha-noi-ba-dinh',
    });
  });

  test('at least 200 distinct cross-site probes ran', () => {
    expect(refused).toBeGreaterThanOrEqual(200);
  });
});
