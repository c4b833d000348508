import { EDITORIAL_TYPES } from '@pbgdpl/domain';
import { createContentClient } from './client.js';
import { EDITORIAL_QUERIES } from './editorial-queries.js';
import { ContentClientError, ContentGraphQLError, ContentResponseError } from './errors.js';
import {
  json,
  startTestServer,
  type ReceivedRequest,
  type TestServer,
} from './test-support/graphql-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const item = (documentId: string, slug = documentId) => ({
  documentId,
  slug,
  title: `Tiêu đề ${documentId}`,
});

/** Serves `items` as the connection the request asked for, honouring page and pageSize. */
function connection(field: string, items: ReadonlyArray<ReturnType<typeof item>>, request: ReceivedRequest) {
  const page = Number(request.variables.page);
  const pageSize = Number(request.variables.pageSize);
  return json({
    data: {
      [field]: {
        nodes: items.slice((page - 1) * pageSize, page * pageSize),
        pageInfo: { total: items.length, page, pageSize, pageCount: Math.ceil(items.length / pageSize) },
      },
    },
  });
}

describe('a site’s editorial items', () => {
  it.each(EDITORIAL_TYPES)(
    '%s: lists every page of the site’s published items, by owning site only',
    async (type) => {
      const field = EDITORIAL_QUERIES[type].connectionField;
      const items = ['a', 'b', 'c'].map((id) => item(id));
      server.setHandler((req) => connection(field, items, req));
      const client = createContentClient({ endpoint: server.endpoint, pageSize: 2 });

      const listed = await client.listSiteItems(type, 'ha-noi', { locale: 'en' });

      expect(listed.map((i) => i.documentId)).toEqual(['a', 'b', 'c']);
      expect(server.requests).toHaveLength(2);
      for (const request of server.requests) {
        expect(request.operationName).toBe(EDITORIAL_QUERIES[type].listSiteItems.operation);
        expect(request.variables).toMatchObject({ site: 'ha-noi', locale: 'en', pageSize: 2 });
        expect(request.query).toContain('filters: { owningSite: { code: { eq: $site } } }');
        expect(request.query).toContain('status: PUBLISHED');
        // Keep the listing index-friendly: no OR, no audience joins.
        expect(request.query).not.toMatch(/\bor:|audienceProvinces\s*:/);
      }
      expect((server.requests[0]!.variables.sort as string[]).at(-1)).toBe('documentId:asc');
    },
  );

  it.each(EDITORIAL_TYPES)(
    '%s: lists every item syndicated beyond its owner, for all sites at once, with what the federation rules need',
    async (type) => {
      const field = EDITORIAL_QUERIES[type].connectionField;
      const items = ['n1', 'n2', 'n3'].map((id) => item(id));
      server.setHandler((req) => connection(field, items, req));
      const client = createContentClient({ endpoint: server.endpoint, pageSize: 2 });

      const listed = await client.listSyndicatedItems(type);

      expect(listed.map((i) => i.documentId)).toEqual(['n1', 'n2', 'n3']);
      expect(server.requests).toHaveLength(2);
      for (const request of server.requests) {
        expect(request.operationName).toBe(EDITORIAL_QUERIES[type].listSyndicatedItems.operation);
        expect(request.variables).toMatchObject({ locale: 'vi', pageSize: 2 });
        expect(request.variables).not.toHaveProperty('site');
        // Every audience but the owner's own: one column, no join.
        expect(request.variables.filters).toEqual({ audience: { ne: 'own_site' } });
        expect(request.query).toContain('status: PUBLISHED');
        expect(request.query).toMatch(/audienceProvinces\(pagination: \{ limit: 200 \}\) \{ code \}/);
        expect(request.query).toMatch(/fields\(pagination: \{ limit: 200 \}\) \{[^}]*parent \{ code \}/);
      }
    },
  );

  it('narrows the syndicated items to the owners a build needs (the national portal and the sites’ ancestors)', async () => {
    server.setHandler((req) => connection('newsItems_connection', [item('n1')], req));
    const client = createContentClient({ endpoint: server.endpoint });

    await client.listSyndicatedItems('news-item', { owners: ['quoc-gia', 'ha-noi'], locale: 'en' });

    expect(server.requests[0]!.variables).toMatchObject({
      locale: 'en',
      filters: { audience: { ne: 'own_site' }, owningSite: { code: { in: ['quoc-gia', 'ha-noi'] } } },
    });
  });

  it('asks for one page with its totals, in Vietnamese by default', async () => {
    const items = Array.from({ length: 45 }, (_, i) => item(`q${String(i).padStart(2, '0')}`));
    server.setHandler((req) => connection('qas_connection', items, req));
    const client = createContentClient({ endpoint: server.endpoint });

    const page = await client.getSiteItemsPage('qa', 'quoc-gia', { page: 3, sort: ['title:asc'] });

    expect(page.items.map((i) => i.documentId)).toEqual(['q40', 'q41', 'q42', 'q43', 'q44']);
    expect(page.pageInfo).toEqual({ total: 45, page: 3, pageSize: 20, pageCount: 3 });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.variables).toMatchObject({
      locale: 'vi',
      page: 3,
      pageSize: 20,
      sort: ['title:asc'],
    });
  });

  it.each([[{ page: 0 }], [{ page: 1.5 }], [{ page: 1, pageSize: 201 }]])(
    'refuses page options %j before asking the CMS',
    async (options) => {
      const client = createContentClient({ endpoint: server.endpoint });
      await expect(client.getSiteItemsPage('book', 'quoc-gia', options)).rejects.toThrow(ContentClientError);
      expect(server.requests).toHaveLength(0);
    },
  );

  it('finds one item by slug on the site, and returns null when there is none', async () => {
    server.setHandler((req) =>
      json({ data: { dialogues: req.variables.slug === 'dat-dai' ? [item('d1', 'dat-dai')] : [] } }),
    );
    const client = createContentClient({ endpoint: server.endpoint });

    expect((await client.getSiteItem('dialogue', 'ha-noi', 'dat-dai'))?.documentId).toBe('d1');
    expect(await client.getSiteItem('dialogue', 'ha-noi', 'khong-co', { locale: 'en' })).toBeNull();
    expect(server.requests.map((r) => r.operationName)).toEqual(['GetSiteDialogue', 'GetSiteDialogue']);
    expect(server.requests[1]!.variables).toEqual({ site: 'ha-noi', slug: 'khong-co', locale: 'en' });
    expect(server.requests[0]!.query).toContain('slug: { eq: $slug }');
  });

  it('names the query when the CMS answers without a connection or with GraphQL errors', async () => {
    const client = createContentClient({ endpoint: server.endpoint });
    server.setHandler(() => json({ data: { videos_connection: null } }));
    await expect(client.listSiteItems('video', 'ha-noi')).rejects.toThrow(ContentResponseError);
    await expect(client.listSiteItems('video', 'ha-noi')).rejects.toThrow(
      /ListSiteVideos returned no nodes\/pageInfo/,
    );
    server.setHandler(() =>
      json({ errors: [{ message: 'Cannot query field "askerEmail" on type "Qa".' }] }, 400),
    );
    await expect(client.getSiteItem('qa', 'ha-noi', 'x')).rejects.toThrow(ContentGraphQLError);
  });
});
