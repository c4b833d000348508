import { nginxConfig } from './nginx.js';

const config = nginxConfig(
  [
    { code: 'quoc-gia', basePath: '/', baseUrl: 'https://phobienphapluat.example' },
    { code: 'ha-noi', basePath: '/ha-noi/', baseUrl: null },
    {
      code: 'ha-noi-ba-dinh',
      basePath: '/ha-noi-ba-dinh/',
      baseUrl: 'https://shared.example/ha-noi-ba-dinh/',
    },
  ],
  { root: '/srv/pbgdpl/sites', sharedHost: 'trang.phobienphapluat.example' },
);

test('a site with its own host gets a server block rooted at its current release', () => {
  expect(config).toContain('server_name phobienphapluat.example;');
  expect(config).toContain('root /srv/pbgdpl/sites/quoc-gia/current;');
});

test('sites under a shared host are locations by base path, aliased to their current release', () => {
  expect(config).toContain('server_name trang.phobienphapluat.example;');
  expect(config).toContain('location ^~ /ha-noi/ {\n        alias /srv/pbgdpl/sites/ha-noi/current/;');
  expect(config).toContain('location ^~ /ha-noi-ba-dinh/ {');
  expect(config).toContain('error_page 404 /ha-noi/404.html;');
});

test('precompressed files, cache lifetimes by path and security headers are configured', () => {
  expect(config).toContain('gzip_static on;');
  expect(config).toContain('brotli_static on;');
  expect(config).toMatch(/~\/pagefind\/\(fragment\|index\)\/\s+"public, max-age=31536000, immutable"/);
  expect(config).toMatch(/default\s+"public, max-age=300, must-revalidate"/);
  for (const header of [
    'X-Content-Type-Options',
    'Referrer-Policy',
    'Content-Security-Policy',
    'X-Frame-Options',
  ])
    expect(config.split(`add_header ${header} `).length - 1).toBe(7);
  expect(config).not.toContain('Strict-Transport-Security');
});

test('without ngx_brotli the .br copies are not announced', () => {
  const plain = nginxConfig([{ code: 'ha-noi', basePath: '/ha-noi/', baseUrl: null }], {
    root: '/srv',
    sharedHost: 'x',
    brotli: false,
  });
  expect(plain).not.toContain('brotli_static on;');
});

test('every host serves the national search bundles at one path, cached for good (their names are content hashes)', () => {
  const national = 'location ^~ /_national/pagefind/ {\n        alias /srv/pbgdpl/sites/_national/pagefind/;';
  expect(config.split(national).length - 1).toBe(2);
  expect(config).toMatch(
    /"~\^\/_national\/pagefind\/\[0-9a-f\]\{16\}\/"\s+"public, max-age=31536000, immutable"/,
  );
});

test('the CMS the forms post to and the search beacon calls is allowed by the pages’ CSP, and nothing else is', () => {
  const withCms = nginxConfig([{ code: 'ha-noi', basePath: '/ha-noi/', baseUrl: null }], {
    root: '/srv',
    sharedHost: 'x',
    publicCmsUrl: 'https://cms.phobienphapluat.example/admin',
  });
  expect(withCms).toContain("connect-src 'self' https://cms.phobienphapluat.example;");
  expect(withCms).toMatch(/form-action 'self' https:\/\/cms\.phobienphapluat\.example"/);
  expect(config).toContain("connect-src 'self';");
  expect(config).toMatch(/form-action 'self'"/);
  expect(() =>
    nginxConfig([], { root: '/srv', sharedHost: 'x', publicCmsUrl: 'javascript:alert(1)' }),
  ).toThrow('not an http(s) URL');
});

test('media copies named by their content hash are cached for good', () => {
  expect(config).toMatch(
    /"~\/media\/\[0-9a-f\]\{16,\}\\\.\[a-z0-9\]\+\$"\s+"public, max-age=31536000, immutable"/,
  );
});

test('every host serves the open data at one path: gzip files as they are, a listing, readable from any origin', () => {
  const openData = 'location ^~ /_open-data/ {\n        alias /srv/pbgdpl/sites/_open-data/;';
  expect(config.split(openData).length - 1).toBe(2);
  const block = config.slice(config.indexOf(openData), config.indexOf('}', config.indexOf('types {') + 10));
  expect(block).toContain('autoindex on;');
  expect(block).toContain('gzip_static off;');
  expect(block).toContain('application/gzip gz;');
  expect(config).toContain('add_header Access-Control-Allow-Origin "*" always;');
});
