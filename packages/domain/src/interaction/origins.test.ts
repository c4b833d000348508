import { allowedReturnTo, isAllowedOrigin, originPolicy, refererOrigin } from './origins.js';

const SITES = [
  { code: 'quoc-gia', basePath: '/quoc-gia/', baseUrl: 'https://pbgdpl.gov.vn/' },
  { code: 'ha-noi', basePath: '/ha-noi/', baseUrl: 'https://pbgdpl.gov.vn/ha-noi' },
  { code: 'bo-tu-phap', basePath: '/bo-tu-phap/', baseUrl: 'https://pbgdpl.moj.gov.vn/' },
  { code: 'chua-co', basePath: '/chua-co/', baseUrl: null },
];

describe('origin policy', () => {
  const production = originPolicy(SITES, { allowLocal: false });
  const dev = originPolicy(SITES, { allowLocal: true, extraOrigins: ['https://staging.example.vn'] });

  it('admits the registered sites’ origins only', () => {
    expect(isAllowedOrigin('https://pbgdpl.gov.vn', production)).toBe(true);
    expect(isAllowedOrigin('https://pbgdpl.moj.gov.vn', production)).toBe(true);
    expect(isAllowedOrigin('https://evil.example', production)).toBe(false);
    expect(isAllowedOrigin('http://pbgdpl.gov.vn', production)).toBe(false);
    expect(isAllowedOrigin('null', production)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:4321', production)).toBe(false);
  });

  it('admits this machine’s pages and named extra origins outside production', () => {
    expect(isAllowedOrigin('http://127.0.0.1:4321', dev)).toBe(true);
    expect(isAllowedOrigin('http://localhost', dev)).toBe(true);
    expect(isAllowedOrigin('https://staging.example.vn', dev)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1.evil.example', dev)).toBe(false);
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
    expect(allowedReturnTo('http://127.0.0.1:4321/ha-noi/hoi-dap/da-gui/', dev)).not.toBeNull();
    expect(allowedReturnTo('http://127.0.0.1:4321/khac/', dev)).toBeNull();
  });

  it('reads the origin of a Referer', () => {
    expect(refererOrigin('https://pbgdpl.gov.vn/ha-noi/hoi-dap/')).toBe('https://pbgdpl.gov.vn');
    expect(refererOrigin('not a url')).toBeNull();
  });
});
