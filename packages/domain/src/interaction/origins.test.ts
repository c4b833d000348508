import { allowedReturnTo, isAllowedOrigin, originPolicy, refererOrigin } from './origins.js';

const SITES = [
  { code: 'quoc-gia', basePath: '/quoc-gia/', baseUrl: 'https://pbgdpl.gov.vn/' },
  { code: 'ha-noi', basePath: '/ha-noi/', baseUrl: 'https://pbgdpl.gov.vn/ha-noi' },
  { code: 'bo-tu-phap', basePath: '/bo-tu-phap/', baseUrl: 'https://pbgdpl.moj.gov.vn/' },
  { code: 'chua-co', basePath: '/chua-co/', baseUrl: null },
];

describe('origin policy', () => {
  const production = originPolicy(SITES);
  const demo = originPolicy(SITES, {
    sitesUrl: 'http://127.0.0.1:4321',
    extraOrigins: ['https://staging.example.vn'],
  });

  it('admits the registered sites’ origins only', () => {
    expect(isAllowedOrigin('https://pbgdpl.gov.vn', production)).toBe(true);
    expect(isAllowedOrigin('https://pbgdpl.moj.gov.vn', production)).toBe(true);
    expect(isAllowedOrigin('https://evil.example', production)).toBe(false);
    expect(isAllowedOrigin('http://pbgdpl.gov.vn', production)).toBe(false);
    expect(isAllowedOrigin('null', production)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:4321', production)).toBe(false);
  });

  it('admits the sites’ shared host and named extra origins, and nothing for being local', () => {
    expect(isAllowedOrigin('http://127.0.0.1:4321', demo)).toBe(true);
    expect(isAllowedOrigin('https://staging.example.vn', demo)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4322', demo)).toBe(false);
    expect(isAllowedOrigin('http://localhost:4321', demo)).toBe(false);
    expect(isAllowedOrigin('http://localhost', demo)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1.evil.example', demo)).toBe(false);
  });

  it('sends citizens back only to a registered site’s pages', () => {
    expect(allowedReturnTo('https://pbgdpl.gov.vn/ha-noi/hoi-dap/da-gui/', production)?.pathname).toBe(
      '/ha-noi/hoi-dap/da-gui/',
    );
    expect(allowedReturnTo('https://pbgdpl.moj.gov.vn/hoi-dap/da-gui/?x=1', production)).not.toBeNull();
    expect(allowedReturnTo('https://evil.example/ha-noi/', production)).toBeNull();
    expect(allowedReturnTo('https://pbgdpl.gov.vn@evil.example/', production)).toBeNull();
    expect(allowedReturnTo('javascript:alert(1)', production)).toBeNull();
    expect(allowedReturnTo('/ha-noi/hoi-dap/', production)).toBeNull();
    expect(allowedReturnTo('http://127.0.0.1:4321/chua-co/hoi-dap/da-gui/', demo)).not.toBeNull();
    expect(allowedReturnTo('http://127.0.0.1:4321/khac/', demo)).toBeNull();
    // Sites with an address of their own are not served on the shared host.
    expect(allowedReturnTo('http://127.0.0.1:4321/ha-noi/hoi-dap/da-gui/', demo)).toBeNull();
  });

  it('reads the origin of a Referer', () => {
    expect(refererOrigin('https://pbgdpl.gov.vn/ha-noi/hoi-dap/')).toBe('https://pbgdpl.gov.vn');
    expect(refererOrigin('not a url')).toBeNull();
  });
});
