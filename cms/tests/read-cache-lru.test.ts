import { ResponseCache } from '../src/extensions/read-cache/response-cache';
import { isCacheableRequest, mayBeGraphqlRead } from '../src/extensions/read-cache/cacheable';
import { chooseEncoding, matchesEntityTag } from '../src/extensions/read-cache/encoding';

const entry = (version: string, bytes: number) => ({
  version,
  status: 200,
  headers: [],
  body: Buffer.alloc(bytes, 'x'),
  etag: 'W/"x"',
});

describe('ResponseCache', () => {
  test('drops the least recently used answers beyond its byte bound', () => {
    const cache = new ResponseCache(1000);
    cache.set('a', entry('1', 200));
    cache.set('b', entry('1', 200));
    cache.get('a', '1'); // a is now more recent than b
    cache.set('c', entry('1', 200));
    cache.set('d', entry('1', 200));
    cache.set('e', entry('1', 200)); // 1000 bytes: still fits
    cache.set('f', entry('1', 200)); // evicts b, the least recently used
    expect(cache.get('b', '1')).toBeUndefined();
    expect(cache.get('a', '1')?.body.length).toBe(200);
    expect(cache.size).toEqual({ entries: 5, bytes: 1000 });
  });

  test('never replays an answer built from another content version', () => {
    const cache = new ResponseCache(1000);
    cache.set('a', entry('1', 10));
    expect(cache.get('a', '2')).toBeUndefined();
    expect(cache.get('a', '1')).toBeUndefined(); // the stale entry is gone
    expect(cache.size.entries).toBe(0);
  });

  test('does not keep one answer larger than a quarter of the bound', () => {
    const cache = new ResponseCache(1000);
    cache.set('big', entry('1', 300));
    expect(cache.get('big', '1')).toBeUndefined();
  });
});

describe('isCacheableRequest', () => {
  const prefixes = ['/api/legal-documents'];
  test.each([
    [{ method: 'POST', path: '/graphql', body: { query: '{ sites { code } }' } }, true],
    [{ method: 'POST', path: '/graphql', body: { query: 'mutation { x }' } }, false],
    [{ method: 'POST', path: '/graphql', body: { query: 'subscription S { x }' } }, false],
    [{ method: 'POST', path: '/graphql', body: {} }, false],
    [{ method: 'GET', path: '/graphql' }, false],
    [{ method: 'GET', path: '/api/legal-documents' }, true],
    [{ method: 'GET', path: '/api/legal-documents/abc' }, true],
    [{ method: 'GET', path: '/api/legal-documents-private' }, false],
    [{ method: 'POST', path: '/api/legal-documents' }, false],
    [{ method: 'GET', path: '/api/health' }, false],
  ])('%j → %s', (req, expected) => {
    expect(isCacheableRequest(req, prefixes)).toBe(expected);
  });
});

describe('mayBeGraphqlRead (the quick test on a body before parsing)', () => {
  test.each([
    ['{"query":"{ sites { code } }"}', true],
    ['{"query":"mutation { x }"}', false],
    ['{"query":"query Q { x }","variables":{"note":"a subscription"}}', false], // conservative
  ])('%s → %s', (raw, expected) => {
    expect(mayBeGraphqlRead(raw)).toBe(expected);
  });
});

describe('chooseEncoding', () => {
  const both = { br: true, gzip: true };
  test.each([
    [undefined, both, 'identity'],
    ['gzip, deflate, br', both, 'br'], // browsers, CDNs
    ['gzip, deflate', both, 'gzip'], // Node's fetch (content-client)
    ['gzip, deflate, br', { br: false, gzip: false }, 'identity'], // a small answer is kept plain
    ['br;q=0.5, gzip', both, 'gzip'],
    ['gzip;q=0', both, 'identity'],
    ['*', both, 'br'],
    ['*;q=0, identity', both, 'identity'],
    ['identity;q=0', both, 'identity'], // nothing else acceptable: plain anyway
  ] as const)('%s with %j → %s', (header, available, expected) => {
    expect(chooseEncoding(header, available)).toBe(expected);
  });
});

describe('matchesEntityTag (If-None-Match, weak comparison)', () => {
  test.each([
    [undefined, false],
    ['W/"abc"', true],
    ['"abc"', true],
    ['"other", W/"abc"', true],
    ['*', true],
    ['W/"abd"', false],
  ])('%s → %s', (header, expected) => {
    expect(matchesEntityTag(header, 'W/"abc"')).toBe(expected);
  });
});
