import request from 'supertest';
import { startTestCms, type TestCms } from './harness';
import { censusAct, createRegistry } from './fixtures';
import { bumpContentVersion } from '../src/extensions/read-cache';
import { ContentVersion } from '../src/extensions/read-cache/content-version';

const UID = 'api::legal-document.legal-document';
let cms: TestCms;
let registry: Awaited<ReturnType<typeof createRegistry>>;

// The sites' shared host and the admin panel's origin (CORS: src/extensions/origins).
const SITES = 'https://quoc-gia.pbgdpl.test';
const ADMIN = 'https://quan-tri.pbgdpl.test';

beforeAll(async () => {
  Object.assign(process.env, { PBGDPL_SITES_URL: SITES, ADMIN_ORIGINS: ADMIN });
  cms = await startTestCms('read_cache');
  registry = await createRegistry(cms.strapi);
});
afterAll(async () => {
  delete process.env.PBGDPL_SITES_URL;
  delete process.env.ADMIN_ORIGINS;
  await cms?.stop();
});

const law = censusAct('45/2019/QH14');
const LISTING = `query ($number: String!) {
  legalDocuments(filters: { number: { eq: $number } }) { documentId number title }
}`;

function listing() {
  return request(cms.http)
    .post('/graphql')
    .send({ query: LISTING, variables: { number: law.official_number } });
}

async function createLaw(title: string) {
  const created = (await cms.strapi.documents(UID).create({
    locale: 'vi',
    status: 'published',
    data: {
      number: law.official_number,
      documentType: 'code',
      title,
      abstract: title,
      issuedDate: law.issued_date,
      effectiveFrom: law.in_force_date,
      scope: 'national',
      owningSite: registry.sites.national,
    },
  } as never)) as { documentId: string };
  return created.documentId;
}

describe('the public read cache', () => {
  test('answers a repeated anonymous GraphQL query from memory, identically', async () => {
    await createLaw(law.title);
    const first = await listing().expect(200);
    const second = await listing().expect(200);
    expect(first.headers['x-read-cache']).toBe('miss');
    expect(second.headers['x-read-cache']).toBe('hit');
    expect(second.body).toEqual(first.body);
    expect(second.body.data.legalDocuments[0].title).toBe(law.title);
  });

  test('replays a stored brotli copy to browsers and CDNs, gzip to clients that accept only gzip, the plain body to others', async () => {
    const sites = () => request(cms.http).get('/api/sites?pagination[pageSize]=100');
    const plain = await sites().set('Accept-Encoding', 'identity').expect(200);
    expect(JSON.stringify(plain.body).length).toBeGreaterThan(512); // only bodies from 512 bytes are compressed
    const browser = await sites().set('Accept-Encoding', 'gzip, deflate, br, zstd').expect(200);
    const nodeFetch = await sites().set('Accept-Encoding', 'gzip, deflate').expect(200);
    const refused = await sites().set('Accept-Encoding', 'gzip;q=0').expect(200);
    expect(browser.headers['x-read-cache']).toBe('hit');
    expect(browser.headers['content-encoding']).toBe('br'); // supertest decompresses the body
    expect(browser.body).toEqual(plain.body);
    expect(nodeFetch.headers['content-encoding']).toBe('gzip');
    expect(nodeFetch.body).toEqual(plain.body);
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toEqual(plain.body);
    for (const res of [plain, browser, nodeFetch]) expect(res.headers.vary).toBe('Origin, Accept-Encoding');
  });

  test('a hit carries the headers Strapi set on the answer: the same security headers, CORS for the requesting origin', async () => {
    const url = `/api/legal-documents?filters[number][$eq]=${encodeURIComponent(law.official_number)}&sort=id`;
    const get = (origin: string) =>
      request(cms.http).get(url).set('Origin', origin).set('Accept-Encoding', 'identity');
    const miss = await get('https://ha-noi.evil.test').expect(200);
    const hit = await get(SITES).expect(200);
    const admin = await get(ADMIN).expect(200);
    expect([miss.headers['x-read-cache'], hit.headers['x-read-cache']]).toEqual(['miss', 'hit']);
    // An origin outside the registry gets no CORS header; a site's, no credentials; the admin's, both.
    expect(miss.headers['access-control-allow-origin']).toBeUndefined();
    expect(admin.headers).toMatchObject({
      'access-control-allow-origin': ADMIN,
      'access-control-allow-credentials': 'true',
    });
    const comparable = (headers: Record<string, string>) => {
      const { date: _date, 'x-read-cache': _label, 'x-request-id': _id, ...rest } = headers;
      return rest;
    };
    // Each answer has its own request id, a hit too (src/extensions/observability).
    expect(hit.headers['x-request-id']).not.toBe(miss.headers['x-request-id']);
    expect(comparable(hit.headers)).toEqual({
      ...comparable(miss.headers),
      'access-control-allow-origin': SITES,
    });
    expect(hit.headers).toMatchObject({
      'content-security-policy': expect.stringContaining("default-src 'self'"),
      'strict-transport-security': expect.stringContaining('max-age='),
      'x-frame-options': 'SAMEORIGIN',
      'x-content-type-options': 'nosniff',
      'content-type': 'application/json; charset=utf-8',
    });
    expect(hit.headers['access-control-allow-credentials']).toBeUndefined();
    expect(hit.body).toEqual(miss.body);

    // GraphQL has no CORS of its own any more: the same policy, on a hit as on the miss.
    const query = { query: '{ sites(pagination: { pageSize: 100 }) { code } }' };
    const graphql = (origin: string) => request(cms.http).post('/graphql').set('Origin', origin).send(query);
    const graphqlMiss = await graphql('https://ha-noi.evil.test').expect(200);
    const graphqlHit = await graphql(SITES).expect(200);
    expect(graphqlHit.headers['x-read-cache']).toBe('hit');
    expect(graphqlMiss.headers['access-control-allow-origin']).toBeUndefined();
    expect(comparable(graphqlHit.headers)).toEqual({
      ...comparable(graphqlMiss.headers),
      'access-control-allow-origin': SITES,
    });
  });

  test('a hit skips Strapi’s other middlewares: it is not written to the request log', async () => {
    const logged: string[] = [];
    const original = cms.strapi.log.http;
    cms.strapi.log.http = ((line: string) => void logged.push(line)) as typeof original;
    try {
      await listing().expect(200);
      const hit = await listing().expect(200);
      expect(hit.headers['x-read-cache']).toBe('hit');
      expect(hit.headers['x-frame-options']).toBe('SAMEORIGIN');
      await request(cms.http).get('/api/health'); // not a public read: through the whole chain
    } finally {
      cms.strapi.log.http = original;
    }
    expect(logged.filter((line) => line.startsWith('POST /graphql')).length).toBeLessThanOrEqual(1); // the miss, if any
    expect(logged.some((line) => line.startsWith('GET /api/health'))).toBe(true);
  });

  test('a public REST read answers 304 to an If-None-Match naming its entity tag, and the tag outlives a version bump that left the answer unchanged', async () => {
    const url = `/api/legal-documents?filters[number][$eq]=${encodeURIComponent(law.official_number)}&fields[0]=number`;
    const first = await request(cms.http).get(url).expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const notModified = await request(cms.http).get(url).set('If-None-Match', etag).expect(304);
    expect(notModified.headers['x-read-cache']).toBe('hit');
    expect(notModified.headers.etag).toBe(etag);
    expect(notModified.text ?? '').toBe('');
    await request(cms.http).get(url).set('If-None-Match', 'W/"something-else"').expect(200);

    await bumpContentVersion(cms.strapi);
    const rebuilt = await request(cms.http).get(url).set('If-None-Match', etag).expect(304);
    expect(rebuilt.headers['x-read-cache']).toBe('miss');

    // GraphQL is POST: a matching If-None-Match does not turn it into a 304.
    const graphql = await listing().expect(200);
    await listing()
      .set('If-None-Match', graphql.headers.etag as string)
      .expect(200);
  });

  test('concurrent misses of one query are answered by one run of it', async () => {
    await bumpContentVersion(cms.strapi);
    const answers = await Promise.all(Array.from({ length: 6 }, () => listing().expect(200)));
    expect(answers.map((res) => res.headers['x-read-cache']).sort()).toEqual([
      'hit',
      'hit',
      'hit',
      'hit',
      'hit',
      'miss',
    ]);
    for (const res of answers) expect(res.body).toEqual(answers[0]!.body);
  });

  test('a write through the Document Service makes the next read fresh', async () => {
    await listing().expect(200);
    const [row] = (await cms.strapi
      .documents(UID)
      .findMany({ locale: 'vi', filters: { number: law.official_number } } as never)) as Array<{
      documentId: string;
    }>;
    await cms.strapi.documents(UID).update({
      documentId: row!.documentId,
      locale: 'vi',
      data: { title: 'Bộ luật Lao động (đã sửa tiêu đề)' },
    } as never);
    await cms.strapi.documents(UID).publish({ documentId: row!.documentId, locale: 'vi' } as never);
    const after = await listing().expect(200);
    expect(after.headers['x-read-cache']).toBe('miss');
    expect(after.body.data.legalDocuments[0].title).toBe('Bộ luật Lao động (đã sửa tiêu đề)');
  });

  test('an explicit version bump (writes that bypass the Document Service) also invalidates', async () => {
    await listing().expect(200);
    expect((await listing()).headers['x-read-cache']).toBe('hit');
    await bumpContentVersion(cms.strapi);
    expect((await listing()).headers['x-read-cache']).toBe('miss');
  });

  test('caches public REST reads too, keyed by the query string', async () => {
    const url = `/api/legal-documents?filters[number][$eq]=${encodeURIComponent(law.official_number)}`;
    expect((await request(cms.http).get(url).expect(200)).headers['x-read-cache']).toBe('miss');
    const hit = await request(cms.http).get(url).expect(200);
    expect(hit.headers['x-read-cache']).toBe('hit');
    expect(hit.body.data[0].number).toBe(law.official_number);
    const other = await request(cms.http).get(`${url}&locale=en`).expect(200);
    expect(other.headers['x-read-cache']).toBe('miss');
  });

  test('never caches mutations, requests with credentials, errors or non-public paths', async () => {
    const mutation = await request(cms.http)
      .post('/graphql')
      .send({ query: 'mutation { deleteLegalDocument(documentId: "x") { documentId } }' });
    expect(mutation.headers['x-read-cache']).toBeUndefined();
    expect(JSON.stringify(mutation.body)).toMatch(/Forbidden|errors/);

    const withToken = await listing().set('Authorization', 'Bearer not-a-token');
    expect(withToken.headers['x-read-cache']).toBeUndefined();
    expect(withToken.status).toBe(401);

    const invalid = { query: '{ legalDocuments { noSuchField } }' };
    await request(cms.http).post('/graphql').send(invalid);
    const again = await request(cms.http).post('/graphql').send(invalid);
    expect(again.headers['x-read-cache']).toBe('miss');
    expect(again.body.errors?.length).toBeGreaterThan(0);

    const broken = await request(cms.http)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send('{"query": ');
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0].message).toMatch(/JSON/);
    expect(broken.headers['x-frame-options']).toBe('SAMEORIGIN'); // the cache's own answers get the security headers

    const health = await request(cms.http).get('/api/health');
    expect(health.headers['x-read-cache']).toBeUndefined();
  });

  test('another CMS process on the same database follows the version (notification on PostgreSQL, re-read otherwise)', async () => {
    const other = new ContentVersion(cms.strapi); // what a second process holds
    await other.start();
    try {
      const before = other.value;
      await bumpContentVersion(cms.strapi);
      const seen = await waitFor(() => other.value !== before, 10_000);
      expect(seen).toBe(true);
      expect(BigInt(other.value)).toBeGreaterThan(BigInt(before));
    } finally {
      await other.stop();
    }
  });
});

/** Polls a condition (no fixed sleep): resolves true as soon as it holds, false after `limitMs`. */
async function waitFor(condition: () => boolean, limitMs: number): Promise<boolean> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
}
