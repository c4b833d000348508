import {
  ContentClientError,
  ContentGraphQLError,
  ContentHttpError,
  ContentNetworkError,
  ContentResponseError,
  ContentTimeoutError,
} from './errors.js';
import { createContentClient } from './client.js';
import { json, startTestServer, type RawResponse, type TestServer } from './test-support/graphql-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

async function failureOf(promise: Promise<unknown>): Promise<ContentClientError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ContentClientError);
    return error as ContentClientError;
  }
  throw new Error('expected the call to fail');
}

describe('a failed request becomes a ContentClientError that says what failed and where', () => {
  it.each<[string, RawResponse, new (...args: never[]) => ContentClientError, number | undefined, RegExp]>([
    [
      'an HTTP 502 from a proxy with an HTML body',
      { status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad Gateway</html>' },
      ContentHttpError,
      502,
      /HTTP 502 Bad Gateway.*Bad Gateway/,
    ],
    [
      'an HTTP 401 without GraphQL errors',
      { status: 401, headers: { 'content-type': 'text/plain' }, body: 'Unauthorized' },
      ContentHttpError,
      401,
      /HTTP 401.*token/,
    ],
    [
      'an HTTP 400 carrying GraphQL validation errors',
      json({ errors: [{ message: 'Cannot query field "nope" on type "Site".' }] }, 400),
      ContentGraphQLError,
      400,
      /HTTP 400.*1 GraphQL error: Cannot query field "nope"/,
    ],
    [
      'an HTTP 200 carrying a resolver error',
      json({ data: null, errors: [{ message: 'Forbidden access', path: ['sites'] }] }),
      ContentGraphQLError,
      200,
      /Forbidden access \(at sites\)/,
    ],
    [
      'an HTTP 200 whose body is HTML',
      { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>maintenance</html>' },
      ContentResponseError,
      undefined,
      /not a GraphQL result/,
    ],
    [
      'an HTTP 200 whose JSON is cut short',
      { status: 200, headers: { 'content-type': 'application/json' }, body: '{"data": {"sites": [' },
      ContentResponseError,
      undefined,
      /not a GraphQL result/,
    ],
    [
      'an HTTP 200 with neither data nor errors',
      json({ data: null }),
      ContentResponseError,
      undefined,
      /no data/,
    ],
  ])('%s', async (_label, response, errorClass, status, message) => {
    server.setHandler(() => response);
    const client = createContentClient({ endpoint: server.endpoint });
    const error = await failureOf(client.getSite('ha-noi'));
    expect(error).toBeInstanceOf(errorClass);
    expect(error.name).toBe(errorClass.name);
    expect(error.status).toBe(status);
    expect(error.operation).toBe('GetSite');
    expect(error.endpoint).toBe(server.endpoint);
    expect(error.variables).toEqual({ code: 'ha-noi' });
    expect(error.message).toContain('GetSite');
    expect(error.message).toContain(server.endpoint);
    expect(error.message).toMatch(message);
  });

  it('keeps every GraphQL error, not only the first', async () => {
    server.setHandler(() =>
      json({ errors: [{ message: 'first' }, { message: 'second', extensions: { code: 'X' } }] }, 400),
    );
    const error = (await failureOf(
      createContentClient({ endpoint: server.endpoint }).getSite('x'),
    )) as ContentGraphQLError;
    expect(error.errors.map((e) => e.message)).toEqual(['first', 'second']);
    expect(error.errors[1]?.extensions).toEqual({ code: 'X' });
    expect(error.message).toContain('2 GraphQL errors: first; second');
  });

  it('reports a refused connection as a network error naming the cause', async () => {
    const closed = await startTestServer();
    const endpoint = closed.endpoint;
    await closed.close();
    const error = await failureOf(createContentClient({ endpoint }).getSite('ha-noi'));
    expect(error).toBeInstanceOf(ContentNetworkError);
    expect(error.name).toBe('ContentNetworkError');
    expect(error.status).toBeUndefined();
    expect(error.message).toMatch(/could not reach .*ECONNREFUSED/);
    expect(error.message).toContain('PBGDPL_CMS_URL');
    expect(error.cause).toBeDefined();
  });

  it('reports a connection dropped in the middle of the body as a network error', async () => {
    server.setHandler(() => ({ ...json({ data: { sites: [] } }), dropAfterBytes: 5 }));
    const error = await failureOf(createContentClient({ endpoint: server.endpoint }).getSite('ha-noi'));
    expect(error).toBeInstanceOf(ContentNetworkError);
  });

  it('gives up on a hung server after timeoutMs with a timeout error', async () => {
    server.setHandler(() => ({ hang: true }));
    const started = Date.now();
    const error = await failureOf(
      createContentClient({ endpoint: server.endpoint, timeoutMs: 200 }).getSite('ha-noi'),
    );
    expect(error).toBeInstanceOf(ContentTimeoutError);
    expect(error).toBeInstanceOf(ContentNetworkError);
    expect((error as ContentTimeoutError).timeoutMs).toBe(200);
    expect(error.message).toMatch(/timed out after 200 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses an endpoint that is not an http(s) URL before sending anything', () => {
    expect(() => createContentClient({ endpoint: 'localhost:1337' })).toThrow(/must be an http\(s\) URL/);
    expect(() => createContentClient({ endpoint: 'http://x/graphql', pageSize: 500 })).toThrow(/pageSize/);
  });
});
