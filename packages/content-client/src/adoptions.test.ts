import { createContentClient } from './client.js';
import { adoptedType, LIST_SITE_ADOPTIONS } from './adoptions.js';
import { ContentResponseError } from './errors.js';
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

const adoption = (documentId: string, site: string) => ({
  documentId,
  owningSite: { code: site },
  targetType: 'news_item',
  targetDocumentId: `tin-${documentId}`,
  targetTitle: null,
  pinnedOnHome: true,
  position: null,
  localNoteTitle: null,
  localNote: null,
  updatedAt: '2026-11-29T00:00:00.000Z',
});

/** Serves the adoptions of the sites the request names, a page at a time. */
function serve(rows: ReadonlyArray<ReturnType<typeof adoption>>) {
  return (request: ReceivedRequest) => {
    const sites = request.variables.sites as string[];
    const mine = rows.filter((r) => sites.includes(r.owningSite.code));
    const page = Number(request.variables.page);
    const pageSize = Number(request.variables.pageSize);
    return json({
      data: {
        siteAdoptions_connection: {
          nodes: mine.slice((page - 1) * pageSize, page * pageSize),
          pageInfo: { total: mine.length, page, pageSize, pageCount: Math.ceil(mine.length / pageSize) },
        },
      },
    });
  };
}

describe('site adoptions', () => {
  it('lists every page of the named sites’ adoptions, each once, by documentId', async () => {
    server.setHandler(
      serve([
        adoption('c', 'ha-noi'),
        adoption('a', 'ha-noi'),
        adoption('b', 'ha-noi-ba-dinh'),
        adoption('d', 'an-giang'),
      ]),
    );
    const client = createContentClient({ endpoint: server.endpoint, pageSize: 1 });

    const listed = await client.listSiteAdoptions(['ha-noi', 'ha-noi-ba-dinh', 'ha-noi']);

    expect(listed.map((a) => a.documentId)).toEqual(['a', 'b', 'c']);
    expect(server.requests.every((r) => r.operationName === LIST_SITE_ADOPTIONS.operation)).toBe(true);
    expect(server.requests[0]!.variables).toMatchObject({ sites: ['ha-noi', 'ha-noi-ba-dinh'], pageSize: 1 });
  });

  it('asks nothing for no site', async () => {
    const client = createContentClient({ endpoint: server.endpoint });
    expect(await client.listSiteAdoptions([])).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('reports a response without the connection with its operation', async () => {
    server.setHandler(() => json({ data: { siteAdoptions_connection: null } }));
    const client = createContentClient({ endpoint: server.endpoint });
    await expect(client.listSiteAdoptions(['ha-noi'])).rejects.toThrow(ContentResponseError);
    await expect(client.listSiteAdoptions(['ha-noi'])).rejects.toThrow(/ListSiteAdoptions/);
  });

  it.each([
    ['news_item', 'news-item'],
    ['legal_situation', 'legal-situation'],
    ['qa', 'qa'],
    ['report', null],
  ])('reads the target type %s as %s', (targetType, type) => {
    expect(adoptedType(targetType)).toBe(type);
  });
});
