import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GeneratorError, generateSites, type GenerateSitesResult } from './generate.js';
import { LOGO_PNG, fakeClient, fakeFetchAsset } from './fixtures/province-and-commune.js';

// A real Astro build per generation (a few seconds each), fed by a fake ContentClient.
jest.setTimeout(180_000);

let outDir: string;
let result: GenerateSitesResult;
const read = (...parts: string[]) => fs.readFileSync(path.join(outDir, ...parts), 'utf8');

beforeAll(async () => {
  // The CMS is read at an internal address; readers download its files from the public one.
  process.env.PBGDPL_MEDIA_BASE_URL = 'https://cms.pbgdpl.example';
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-generate-'));
  result = await generateSites({
    cmsUrl: 'http://fake-cms.test',
    client: fakeClient(),
    codes: ['ha-noi', 'ha-noi-ba-dinh'],
    outDir,
    batchSize: 1,
    asOf: '2025-07-01',
    log: () => {},
    fetchAsset: fakeFetchAsset,
  });
});
afterAll(() => {
  delete process.env.PBGDPL_MEDIA_BASE_URL;
  fs.rmSync(outDir, { recursive: true, force: true });
});

describe('generating a province and one of its communes', () => {
  it('builds each site into <out>/<code>/ and reports pages, documents and batches', () => {
    expect(result.ok).toBe(true);
    expect(result.sites.map((s) => [s.code, s.ok, s.documents, s.batch])).toEqual([
      ['ha-noi', true, 3, 1],
      ['ha-noi-ba-dinh', true, 3, 2],
    ]);
    // home, list, newly effective, about, child sites, 404, 3 documents, and 9 filtered lists:
    // 2 types, 2 statuses, 2 issuers, 3 years (the fixture's documents have no field);
    // search, number index, offline page and feeds page.
    expect(result.sites[0]?.pages).toBe(22);
    expect(fs.readdirSync(outDir).sort()).toEqual(['ha-noi', 'ha-noi-ba-dinh']);
    expect(fs.existsSync(path.join(outDir, 'ha-noi', '404.html'))).toBe(true);
    expect(fs.existsSync(path.join(outDir, 'ha-noi', 'site.css'))).toBe(true);
  });

  it('shows national documents and its own province’s, not another province’s', () => {
    const list = read('ha-noi-ba-dinh', 'van-ban', 'index.html');
    expect(list).toContain('data-document-number="45/2019/QH14"');
    expect(list).toContain('data-document-number="1656/NQ-UBTVQH15"');
    expect(list).not.toContain('1685/NQ-UBTVQH15');
  });

  it('links every page under the site’s base path, the commune to its province, the province to its commune', () => {
    const commune = read('ha-noi-ba-dinh', 'index.html');
    expect(commune).toContain('<html lang="vi">');
    expect(commune).toMatch(/<a href="\/ha-noi\/" data-site-link="parent">/);
    expect(commune).toContain('href="/ha-noi-ba-dinh/van-ban/nghi-quyet-ubtvqh/2025/1656-nq-ubtvqh15/"');
    expect(read('ha-noi', 'index.html')).toMatch(
      /<a href="\/ha-noi-ba-dinh\/" data-site-link="child" data-site-code="ha-noi-ba-dinh">/,
    );
  });

  it('lists the documents effective within 90 days of the build date as newly effective', () => {
    const page = read('ha-noi', 'van-ban-moi-co-hieu-luc', 'index.html');
    expect(page).toContain('data-newly-effective-mode="window"');
    expect(page).toContain('data-document-number="1656/NQ-UBTVQH15"');
    expect(page).not.toContain('data-document-number="45/2019/QH14"');
  });

  it('shows a replaced document’s status, history and the replacing document as a link', () => {
    const page = read('ha-noi', 'van-ban', 'bo-luat', '2012', '10-2012-qh13', 'index.html');
    expect(page).toContain('data-validity-status="expired"');
    expect(page).toContain('data-validity-basis="relations"');
    expect(page).toMatch(
      /data-relation-kind="replaces" data-relation-direction="incoming" data-related-number="45\/2019\/QH14"><span class="relation-label">Được thay thế bởi:<\/span> <a href="\/ha-noi\/van-ban\/bo-luat\/2019\/45-2019-qh14\/">/,
    );
    expect(page).toMatch(/<li data-status="expired" data-cause="relation">/);
  });

  it('says plainly when a status comes from dates only, and renders the law’s text safely', () => {
    const page = read('ha-noi', 'van-ban', 'bo-luat', '2019', '45-2019-qh14', 'index.html');
    expect(page).toContain('data-validity-basis="dates_only"');
    expect(page).toContain('chỉ được suy ra từ ngày có hiệu lực');
    expect(page).toMatch(
      /<tr data-field="signer"><th scope="row">Người ký<\/th><td>Chủ tịch Quốc hội Nguyễn Thị Kim Ngân<\/td>/,
    );
    expect(page).toContain('<h3 id="chuong-i">Chương I. NHỮNG QUY ĐỊNH CHUNG</h3>');
    expect(page).toContain('&lt;b&gt;tiêu chuẩn lao động&lt;/b&gt;');
    expect(
      read('ha-noi', 'van-ban', 'nghi-quyet-ubtvqh', '2025', '1656-nq-ubtvqh15', 'index.html'),
    ).not.toContain('<script>alert');
  });

  it('darkens a theme colour that would fail contrast under white text', () => {
    expect(read('ha-noi', 'index.html')).not.toContain('--primary:#ffdd00');
  });
});

describe('the document browser, unit pages and identity', () => {
  it('builds a filtered list per type, status, issuer and year, linked from the filter menu with counts', () => {
    const byType = read('ha-noi', 'van-ban', 'bo-luat', 'index.html');
    expect(byType).toContain('data-document-number="45/2019/QH14"');
    expect(byType).toContain('data-document-number="10/2012/QH13"');
    expect(byType).not.toContain('data-document-number="1656/NQ-UBTVQH15"');
    const expired = read('ha-noi', 'van-ban', 'hieu-luc', 'het-hieu-luc-toan-bo', 'index.html');
    expect(expired.match(/class="document-item"/g)).toHaveLength(1);
    expect(expired).toContain('data-document-number="10/2012/QH13"');
    expect(read('ha-noi', 'van-ban', 'nam', '2025', 'index.html')).toContain('data-document-number="1656/NQ-UBTVQH15"');
    expect(read('ha-noi', 'van-ban', 'co-quan', 'ubtvqh', 'index.html')).toContain('Ủy ban Thường vụ Quốc hội');
    const menu = read('ha-noi', 'van-ban', 'index.html');
    expect(menu).toMatch(/<a href="\/ha-noi\/van-ban\/bo-luat\/" data-facet-value="bo-luat">Bộ luật<\/a> <span class="count">\(2\)<\/span>/);
    expect(menu).toContain('href="/ha-noi/van-ban/hieu-luc/con-hieu-luc/"');
  });

  it('serves the unit’s logo from its own folder and shows it in the header; a unit without one gets the neutral emblem', () => {
    expect(fs.readFileSync(path.join(outDir, 'ha-noi', 'logo.png'))).toEqual(LOGO_PNG);
    expect(read('ha-noi', 'index.html')).toMatch(/<img class="site-emblem" src="\/ha-noi\/logo.png" alt="Biểu trưng Hà Nội"/);
    expect(read('ha-noi-ba-dinh', 'index.html')).toContain('data-emblem="neutral"');
    expect(fs.existsSync(path.join(outDir, 'ha-noi-ba-dinh', 'logo.png'))).toBe(false);
  });

  it('lists a province’s communes on don-vi-truc-thuoc/ and gives every unit an about page with its contact', () => {
    expect(read('ha-noi', 'don-vi-truc-thuoc', 'index.html')).toMatch(
      /<a href="\/ha-noi-ba-dinh\/" data-site-link="child" data-site-code="ha-noi-ba-dinh">Phường Ba Đình<\/a>/,
    );
    expect(fs.existsSync(path.join(outDir, 'ha-noi-ba-dinh', 'don-vi-truc-thuoc'))).toBe(false);
    const about = read('ha-noi', 'gioi-thieu', 'index.html');
    expect(about).toContain('12 Lê Lai, Hoàn Kiếm, Hà Nội');
    expect(about).toContain('href="tel:02438253536"');
    expect(read('ha-noi-ba-dinh', 'gioi-thieu', 'index.html')).toMatch(/data-site-link="parent">Thành phố Hà Nội</);
  });

  it('links the original file at the CMS’s public address', () => {
    const page = read('ha-noi', 'van-ban', 'bo-luat', '2012', '10-2012-qh13', 'index.html');
    expect(page).toMatch(
      /<a href="https:\/\/cms.pbgdpl.example\/uploads\/blld_2012.pdf" download data-original="file">Tải văn bản gốc 10\/2012\/QH13 \(PDF\)<\/a>/,
    );
  });

  it('gives the law’s articles anchors and lists them in the contents', () => {
    const page = read('ha-noi', 'van-ban', 'bo-luat', '2019', '45-2019-qh14', 'index.html');
    expect(page).toContain('<a href="#dieu-1">Điều 1. Phạm vi điều chỉnh</a>');
    expect(page).toContain('<h4 id="dieu-1">Điều 1. Phạm vi điều chỉnh</h4>');
  });
});

describe('regenerating', () => {
  it('replaces a site’s folder as a whole, leaving nothing of the old build', async () => {
    fs.writeFileSync(path.join(outDir, 'ha-noi', 'stale.html'), 'old');
    const again = await generateSites({
      cmsUrl: 'x',
      client: fakeClient(),
      codes: ['ha-noi'],
      outDir,
      asOf: '2025-07-01',
      log: () => {},
      fetchAsset: fakeFetchAsset,
    });
    expect(again.ok).toBe(true);
    expect(fs.existsSync(path.join(outDir, 'ha-noi', 'stale.html'))).toBe(false);
    expect(fs.readdirSync(outDir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('refuses an unknown site code before building anything', async () => {
    await expect(
      generateSites({ cmsUrl: 'x', client: fakeClient(), codes: ['khong-co'], outDir, log: () => {} }),
    ).rejects.toThrow(GeneratorError);
  });
});
