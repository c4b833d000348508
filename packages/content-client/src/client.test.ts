import { createContentClient } from './client.js';
import { ContentHttpError } from './errors.js';
import {
  json,
  startTestServer,
  type ReceivedRequest,
  type TestServer,
} from './test-support/graphql-server.js';
import type { DocumentRelation, Site } from './types.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function site(code: string, parent: Site['parent'] = null): Site {
  return {
    documentId: `doc-${code}`,
    code,
    name: code,
    nameEn: null,
    kind: parent ? 'commune' : 'province',
    basePath: `/${code}/`,
    enabled: true,
    parent,
    adminUnitCode: null,
    unitType: null,
    baseUrl: null,
    theme: null,
    contact: null,
    organization: null,
  };
}

/** Serves `items` as a Strapi connection, honouring the page and pageSize variables. */
function page<T>(field: string, items: readonly T[], request: ReceivedRequest) {
  const pageNumber = Number(request.variables.page);
  const pageSize = Number(request.variables.pageSize);
  const nodes = items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  const pageCount = Math.ceil(items.length / pageSize);
  return json({
    data: { [field]: { nodes, pageInfo: { total: items.length, page: pageNumber, pageSize, pageCount } } },
  });
}

describe('paging through lists', () => {
  it('reads every page of the registry, in order, asking for the configured page size', async () => {
    const sites = ['an-giang', 'ca-mau', 'ha-noi', 'hue', 'quoc-gia'].map((c) => site(c));
    server.setHandler((req) => page('sites_connection', sites, req));
    const client = createContentClient({ endpoint: server.endpoint, pageSize: 2 });

    const listed = await client.listSites({ all: true });

    expect(listed.map((s) => s.code)).toEqual(['an-giang', 'ca-mau', 'ha-noi', 'hue', 'quoc-gia']);
    expect(server.requests.map((r) => [r.operationName, r.variables.page, r.variables.pageSize])).toEqual([
      ['ListSites', 1, 2],
      ['ListSites', 2, 2],
      ['ListSites', 3, 2],
    ]);
    expect(server.requests[0]?.variables.filters).toEqual({ enabled: { eq: true } });
  });

  it('makes a single request when everything fits on one page, and none more for an empty list', async () => {
    server.setHandler((req) => page('sites_connection', [], req));
    const client = createContentClient({ endpoint: server.endpoint });
    expect(await client.listSites({ all: true, enabledOnly: false })).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.variables).toMatchObject({ filters: {}, pageSize: 200 });
  });

  it('keeps a row once when it shifts onto the next page while paging', async () => {
    const a = site('a');
    const b = site('b');
    server.setHandler((req) =>
      json({
        data: {
          sites_connection: {
            nodes: req.variables.page === 1 ? [a, b] : [b],
            pageInfo: { total: 3, page: req.variables.page, pageSize: 2, pageCount: 2 },
          },
        },
      }),
    );
    const listed = await createContentClient({ endpoint: server.endpoint, pageSize: 2 }).listSites({
      all: true,
    });
    expect(listed.map((s) => s.code)).toEqual(['a', 'b']);
  });

  it('fails the whole list, naming the query, when a later page fails', async () => {
    const sites = ['a', 'b', 'c'].map((c) => site(c));
    server.setHandler((req) =>
      req.variables.page === 2 ? { status: 503, body: 'busy' } : page('sites_connection', sites, req),
    );
    const client = createContentClient({ endpoint: server.endpoint, pageSize: 1 });
    await expect(client.listSites({ all: true })).rejects.toThrow(ContentHttpError);
    await expect(client.listSites({ all: true })).rejects.toThrow(/ListSites failed with HTTP 503/);
  });

  it('rejects a page without pageInfo instead of stopping early', async () => {
    server.setHandler(() => json({ data: { sites_connection: { nodes: [] } } }));
    await expect(createContentClient({ endpoint: server.endpoint }).listSites({ all: true })).rejects.toThrow(
      /ListSites returned no nodes\/pageInfo for page 1/,
    );
  });
});

describe('sites', () => {
  it('finds a site by code and returns null for an unknown code', async () => {
    server.setHandler((req) =>
      json({ data: { sites: req.variables.code === 'ha-noi' ? [site('ha-noi')] : [] } }),
    );
    const client = createContentClient({ endpoint: server.endpoint });
    expect((await client.getSite('ha-noi'))?.basePath).toBe('/ha-noi/');
    expect(await client.getSite('khong-co')).toBeNull();
  });

  it('asks for named sites in chunks and returns them sorted by code', async () => {
    const codes = Array.from({ length: 150 }, (_, i) => `xa-${String(i).padStart(3, '0')}`);
    server.setHandler((req) => {
      const wanted = ((req.variables.filters as { code: { in: string[] } }).code.in ?? []).slice().reverse();
      return page(
        'sites_connection',
        wanted.map((c) => site(c)),
        req,
      );
    });
    const listed = await createContentClient({ endpoint: server.endpoint }).listSites({
      codes: [...codes, codes[0]!],
    });
    expect(listed.map((s) => s.code)).toEqual(codes);
    expect(
      server.requests.map((r) => (r.variables.filters as { code: { in: string[] } }).code.in.length),
    ).toEqual([100, 50]);
  });

  it('lists a province’s communes through the parent filter', async () => {
    server.setHandler((req) => page('sites_connection', [site('ha-noi-ba-dinh', site('ha-noi'))], req));
    const children = await createContentClient({ endpoint: server.endpoint }).listChildSites('ha-noi');
    expect(children.map((s) => s.code)).toEqual(['ha-noi-ba-dinh']);
    expect(server.requests[0]?.variables.filters).toEqual({
      parent: { code: { eq: 'ha-noi' } },
      enabled: { eq: true },
    });
  });

  it('sends the API token as a bearer token', async () => {
    server.setHandler(() => json({ data: { sites: [] } }));
    await createContentClient({ endpoint: server.endpoint, token: 'secret-token' }).getSite('x');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer secret-token');
  });
});

describe('documents that concern a site', () => {
  const doc = (documentId: string, scope: 'national' | 'local') => ({
    documentId,
    scope,
    number: documentId,
    fullText: 'x',
  });

  it('unites national documents with the local documents of the commune and its province, once each', async () => {
    server.setHandler((req) => {
      const filters = req.variables.filters as { scope: { eq: string } };
      const items =
        filters.scope.eq === 'national'
          ? [doc('n2', 'national'), doc('n1', 'national')]
          : [doc('l1', 'local')];
      return page('legalDocuments_connection', items, req);
    });
    const commune = { code: 'ha-noi-ba-dinh', parent: { code: 'ha-noi' } };
    const docs = await createContentClient({ endpoint: server.endpoint }).listSiteDocuments(commune, {
      locale: 'vi',
    });

    expect(docs.map((d) => d.documentId)).toEqual(['l1', 'n1', 'n2']);
    const filters = server.requests.map((r) => r.variables.filters);
    expect(filters).toContainEqual({ scope: { eq: 'national' } });
    // The local half is two index-friendly listings (scoped to the site or its parent; owned by it).
    expect(filters).toContainEqual({
      scope: { eq: 'local' },
      scopeSite: { code: { in: ['ha-noi-ba-dinh', 'ha-noi'] } },
    });
    expect(filters).toContainEqual({ scope: { eq: 'local' }, owningSite: { code: { eq: 'ha-noi-ba-dinh' } } });
    for (const request of server.requests) {
      expect(request.operationName).toBe('ListLegalDocuments');
      expect(request.variables).toMatchObject({ locale: 'vi', withFullText: true });
      expect(request.query).toContain('status: PUBLISHED');
    }
  });

  it('can leave out the full text and then reports it as null', async () => {
    server.setHandler((req) =>
      page('legalDocuments_connection', [{ documentId: 'n1', scope: 'national' }], req),
    );
    const docs = await createContentClient({ endpoint: server.endpoint }).listNationalDocuments({
      withFullText: false,
      locale: 'en',
    });
    expect(docs[0]?.fullText).toBeNull();
    expect(server.requests[0]?.variables).toMatchObject({ withFullText: false, locale: 'en' });
  });
});

describe('relations between documents', () => {
  const relation = (documentId: string, source: string, target: string): DocumentRelation => ({
    documentId,
    sourceNumber: source,
    kind: 'replaces',
    targetNumber: target,
    sourceDocumentId: source,
    targetDocumentId: target,
    partial: false,
    affectedPart: null,
    effectiveDate: null,
    note: null,
  });

  it('asks for both directions, in chunks of ids, and returns each relation once', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `d${i}`);
    server.setHandler((req) =>
      page('documentRelations_connection', [relation('r1', 'd0', 'd119'), relation('r2', 'x', 'd5')], req),
    );
    const relations = await createContentClient({ endpoint: server.endpoint }).getDocumentRelations(ids);

    expect(relations.map((r) => r.documentId)).toEqual(['r1', 'r2']);
    expect(server.requests).toHaveLength(2);
    const first = server.requests[0]?.variables.filters as { or: Array<Record<string, { in: string[] }>> };
    expect(first.or[0]?.sourceDocumentId?.in).toHaveLength(100);
    expect(first.or[1]?.targetDocumentId?.in).toHaveLength(100);
  });

  it('sends nothing for an empty list of documents', async () => {
    expect(await createContentClient({ endpoint: server.endpoint }).getDocumentRelations([])).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});
