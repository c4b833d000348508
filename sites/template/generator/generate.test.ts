import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GeneratorError, generateSites, type GenerateSitesResult } from './generate.js';
import { fakeClient } from './fixtures/province-and-commune.js';

// A real Astro build per generation (a few seconds each), fed by a fake ContentClient.
jest.setTimeout(180_000);

let outDir: string;
let result: GenerateSitesResult;
const read = (...parts: string[]) => fs.readFileSync(path.join(outDir, ...parts), 'utf8');

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-generate-'));
  result = await generateSites({
    cmsUrl: 'http://fake-cms.test',
    client: fakeClient(),
    codes: ['ha-noi', 'ha-noi-ba-dinh'],
    outDir,
    batchSize: 1,
    asOf: '2025-07-01',
    log: () => {},
  });
});
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe('generating a province and one of its communes', () => {
  it('builds each site into <out>/<code>/ and reports pages, documents and batches', () => {
    expect(result.ok).toBe(true);
    expect(result.sites.map((s) => [s.code, s.ok, s.documents, s.batch])).toEqual([
      ['ha-noi', true, 3, 1],
      ['ha-noi-ba-dinh', true, 3, 2],
    ]);
    // home, list, newly effective, 404 and 3 documents
    expect(result.sites[0]?.pages).toBe(7);
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
