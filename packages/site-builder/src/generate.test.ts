import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { GeneratorError, generateSites, type GenerateSitesResult } from './index.js';
import {
  LOGO_PNG,
  fakeClient,
  fakeFetchAsset,
  fakeFetchFormToken,
  syndicatedOwners,
} from './fixtures/province-and-commune.js';

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
    fetchFormToken: fakeFetchFormToken,
    sitesUrl: 'https://pbgdpl.example',
    keepSnapshot: true,
  });
});
afterAll(() => {
  delete process.env.PBGDPL_MEDIA_BASE_URL;
  fs.rmSync(outDir, { recursive: true, force: true });
  if (result?.snapshotDir) fs.rmSync(result.snapshotDir, { recursive: true, force: true });
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
    // search, number index, offline page and feeds page; 9 section lists, 11 items, the Q&A
    // confirmation and look-up pages, and the report form's confirmation page.
    expect(result.sites[0]?.pages).toBe(45);
    // and the national search bundle every site's search merges (search/national-bundle.ts)
    expect(fs.readdirSync(outDir).sort()).toEqual(['_national', 'ha-noi', 'ha-noi-ba-dinh']);
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
    expect(read('ha-noi', 'van-ban', 'nam', '2025', 'index.html')).toContain(
      'data-document-number="1656/NQ-UBTVQH15"',
    );
    expect(read('ha-noi', 'van-ban', 'co-quan', 'ubtvqh', 'index.html')).toContain(
      'Ủy ban Thường vụ Quốc hội',
    );
    const menu = read('ha-noi', 'van-ban', 'index.html');
    expect(menu).toMatch(
      /<a href="\/ha-noi\/van-ban\/bo-luat\/" data-facet-value="bo-luat">Bộ luật<\/a> <span class="count">\(2\)<\/span>/,
    );
    expect(menu).toContain('href="/ha-noi/van-ban/hieu-luc/con-hieu-luc/"');
  });

  it('serves the unit’s logo from its own folder and shows it in the header; a unit without one gets the neutral emblem', () => {
    expect(fs.readFileSync(path.join(outDir, 'ha-noi', 'logo.png'))).toEqual(LOGO_PNG);
    expect(read('ha-noi', 'index.html')).toMatch(
      /<img class="site-emblem" src="\/ha-noi\/logo.png" alt="Biểu trưng Hà Nội"/,
    );
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
    expect(read('ha-noi-ba-dinh', 'gioi-thieu', 'index.html')).toMatch(
      /data-site-link="parent">Thành phố Hà Nội</,
    );
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

describe('the section pages', () => {
  const page = (...parts: string[]) => read(...parts, 'index.html');

  it('lists every section in the header and on the home page, with the search in the navigation', () => {
    const home = page('ha-noi');
    for (const folder of [
      'gioi-thieu-van-ban',
      'hoi-dap',
      'doi-thoai',
      'tai-lieu',
      'video',
      'tinh-huong',
      'tu-sach',
      'huong-dan',
      'tin-tuc',
    ]) {
      expect([folder, home.includes(`href="/ha-noi/${folder}/"`)]).toEqual([folder, true]);
    }
    expect(home).toMatch(/<nav class="site-nav"[^>]*>[\s\S]*href="\/ha-noi\/tim-kiem\/"[\s\S]*<\/nav>/);
    expect(home).toContain('data-home-section="qa"');
    expect(home).not.toContain('data-home-section="material"');
    expect(page('ha-noi', 'tai-lieu')).toContain('class="section-empty"');
  });

  it('shows national content pushed to the site with its source and a canonical link to the original', () => {
    const intro = page('ha-noi', 'gioi-thieu-van-ban', 'gioi-thieu-blld');
    expect(intro).toContain('<link rel="canonical" href="/quoc-gia/gioi-thieu-van-ban/gioi-thieu-blld/">');
    expect(intro).toMatch(
      /class="source-badge"[\s\S]*data-source-url="\/quoc-gia\/gioi-thieu-van-ban\/gioi-thieu-blld\/"/,
    );
    expect(page('ha-noi', 'hoi-dap', 'thu-viec')).not.toContain('rel="canonical"');
  });

  it('puts the national item the site adopted first on its home page, with its source, and its local note above the original', () => {
    const news = /<section[^>]*data-home-section="news-item"[\s\S]*?<\/section>/.exec(page('ha-noi'))![0];
    const cards = [...news.matchAll(/<li class="[^"]*content-card[\s\S]*?<\/li>/g)].map((m) => m[0]);
    expect(cards[0]).toContain('href="/ha-noi/tin-tuc/tin-giao-duc/"');
    expect(cards[0]).toContain('Nguồn: Cổng Phổ biến, giáo dục pháp luật quốc gia');
    expect(cards[1]).toContain('href="/ha-noi/tin-tuc/tin-bat-buoc/"');
    // The section's own list keeps its date order.
    expect(page('ha-noi', 'tin-tuc').indexOf('tin-bat-buoc/')).toBeLessThan(
      page('ha-noi', 'tin-tuc').indexOf('tin-giao-duc/'),
    );
    const item = page('ha-noi', 'tin-tuc', 'tin-giao-duc');
    expect(item).toMatch(
      /<aside class="local-note"[^>]*data-local-note[^>]*>\s*<h2 id="ghi-chu-don-vi">Hà Nội triển khai<\/h2>[\s\S]*Sở Giáo dục Hà Nội phổ biến tin này đến các trường\./,
    );
    expect(item.indexOf('data-local-note')).toBeGreaterThan(item.indexOf('class="source-badge"'));
    expect(item).toContain('<link rel="canonical" href="/quoc-gia/tin-tuc/tin-giao-duc/">');
    // Ba Đình did not adopt it (and opted out of its field): no page, no note anywhere.
    expect(fs.existsSync(path.join(outDir, 'ha-noi-ba-dinh', 'tin-tuc', 'tin-giao-duc'))).toBe(false);
    expect(page('ha-noi', 'tin-tuc', 'tin-bat-buoc')).not.toContain('data-local-note');
  });

  it('asks the CMS only for the syndicated items of the national portal and the built sites’ ancestors', () => {
    expect(syndicatedOwners[0]).toEqual(['ha-noi', 'ha-noi-ba-dinh', 'quoc-gia']);
  });

  it('follows the federation rules: a commune gets its province’s dialogue, not its own-site Q&A, nor news it opted out of', () => {
    expect(
      fs.existsSync(path.join(outDir, 'ha-noi-ba-dinh', 'doi-thoai', 'doi-thoai-ha-noi', 'index.html')),
    ).toBe(true);
    expect(page('ha-noi-ba-dinh', 'hoi-dap')).toContain('data-total="0"');
    expect(fs.existsSync(path.join(outDir, 'ha-noi-ba-dinh', 'tin-tuc', 'tin-giao-duc'))).toBe(false);
    expect(fs.existsSync(path.join(outDir, 'ha-noi-ba-dinh', 'tin-tuc', 'tin-bat-buoc', 'index.html'))).toBe(
      true,
    );
    expect(page('ha-noi-ba-dinh')).toMatch(
      /<section id="doi-thoai-dang-mo"[\s\S]*href="\/ha-noi-ba-dinh\/doi-thoai\/doi-thoai-ha-noi\/"/,
    );
  });

  it('shows a dialogue’s phase as its dates give it at the build (stored “planned”, open since 25 June)', () => {
    for (const html of [page('ha-noi', 'doi-thoai'), page('ha-noi', 'doi-thoai', 'doi-thoai-ha-noi')])
      expect(html).toMatch(/data-dialogue-phase="open"[^>]*>Đang nhận câu hỏi</);
  });

  it('links citations to the cited documents’ pages, and the documents back to the items that explain them', () => {
    const qa = page('ha-noi', 'hoi-dap', 'thu-viec');
    expect(qa).toMatch(
      /<li data-cited-number="45\/2019\/QH14"><a href="\/ha-noi\/van-ban\/bo-luat\/2019\/45-2019-qh14\/" data-cited-document>Điều 1 Bộ luật Lao động số 45\/2019\/QH14<\/a>/,
    );
    const law = page('ha-noi', 'van-ban', 'bo-luat', '2019', '45-2019-qh14');
    expect(law).toMatch(/<section id="giai-thich"[\s\S]*href="\/ha-noi\/hoi-dap\/thu-viec\/"/);
    expect(page('ha-noi', 'van-ban', 'bo-luat', '2012', '10-2012-qh13')).not.toContain('id="giai-thich"');
  });

  it('shows the outdated banner with its reason and check date on a flagged item only', () => {
    const situation = page('ha-noi', 'tinh-huong', 'tinh-huong-thu-viec');
    expect(situation).toMatch(/<div class="outdated-banner" role="status" data-checked-on="2025-06-20">/);
    expect(situation).toContain('Bộ luật Lao động số 45/2019/QH14 đã được sửa đổi.');
    expect(page('ha-noi', 'tinh-huong')).toContain('data-outdated="true"');
    expect(page('ha-noi', 'gioi-thieu-van-ban', 'gioi-thieu-blld')).not.toContain('outdated-banner');
  });

  it('embeds the question form of docs/forms.md with the site’s token and return address, or says it is unavailable', () => {
    const qa = page('ha-noi', 'hoi-dap');
    expect(qa).toContain('action="https://cms.pbgdpl.example/api/submissions/questions"');
    expect(qa).toContain('<input type="hidden" name="token" value="v1.ha-noi.token">');
    expect(qa).toContain(
      '<input type="hidden" name="returnTo" value="https://pbgdpl.example/ha-noi/hoi-dap/da-gui/">',
    );
    expect(qa).toContain('src="/ha-noi/bieu-mau.js"');
    expect(read('ha-noi', 'bieu-mau.js')).toContain('data-pbgdpl-form');
    expect(page('ha-noi', 'hoi-dap', 'da-gui')).toContain('data-pbgdpl-tracking-code');
    expect(page('ha-noi', 'hoi-dap', 'tra-cuu')).toMatch(
      /<form id="tra-cuu-form"[^>]*action="https:\/\/cms.pbgdpl.example\/api\/submissions\/status"/,
    );
    expect(page('ha-noi', 'doi-thoai', 'doi-thoai-ha-noi')).toContain(
      'action="https://cms.pbgdpl.example/api/submissions/dialogue-questions"',
    );
    const commune = page('ha-noi-ba-dinh', 'hoi-dap');
    expect(commune).toContain('class="form-unavailable"');
    expect(commune).not.toContain('data-pbgdpl-form');
    expect(fs.existsSync(path.join(outDir, 'ha-noi-ba-dinh', 'hoi-dap', 'da-gui'))).toBe(false);
  });

  it('offers the report form on items that cite the law, posting the item to the CMS and coming back to the site', () => {
    const situation = page('ha-noi', 'tinh-huong', 'tinh-huong-thu-viec');
    expect(situation).toMatch(
      /<section id="phan-anh"[\s\S]*action="https:\/\/cms.pbgdpl.example\/api\/submissions\/reports"/,
    );
    expect(situation).toContain('<input type="hidden" name="itemType" value="legal-situation">');
    expect(situation).toContain(
      '<input type="hidden" name="returnTo" value="https://pbgdpl.example/ha-noi/phan-anh/da-gui/">',
    );
    expect(situation).toContain('src="/ha-noi/bieu-mau.js"');
    expect(page('ha-noi', 'phan-anh', 'da-gui')).toContain('<h1>Đã gửi phản ánh</h1>');
    // Books and news cite no law: nothing to report there; a site without a form token has none.
    expect(page('ha-noi', 'tin-tuc', 'tin-bat-buoc')).not.toContain('id="phan-anh"');
    expect(page('ha-noi-ba-dinh', 'doi-thoai', 'doi-thoai-ha-noi')).not.toContain('id="phan-anh"');
  });

  it('plays an uploaded video with captions served by the site, and YouTube only behind a link until clicked', () => {
    const uploaded = page('ha-noi', 'video', 'video-tai-len');
    expect(uploaded).toContain(
      '<video class="video-file" controls preload="none" src="https://cms.pbgdpl.example/uploads/video.mp4"',
    );
    expect(uploaded).toContain(
      '<track kind="captions" src="/ha-noi/video/video-tai-len/phu-de-vi.vtt" srclang="vi" label="Tiếng Việt" default>',
    );
    expect(read('ha-noi', 'video', 'video-tai-len', 'phu-de-vi.vtt')).toMatch(/^WEBVTT/);
    expect(uploaded).toContain('Thời lượng 2 phút 5 giây');
    expect(uploaded).toContain('"@type":"VideoObject"');
    const youtube = page('ha-noi', 'video', 'video-youtube');
    expect(youtube).not.toMatch(/<iframe|<img[^>]*youtube|ytimg/);
    expect(youtube).toContain(
      '<a class="video-play" href="https://www.youtube.com/watch?v=M7lc1UVf-VE" data-video-play>',
    );
    expect(youtube).toContain('src="/ha-noi/chuyen-muc.js"');
  });

  it('gives a situation a quiz whose answer opens without JavaScript', () => {
    const situation = page('ha-noi', 'tinh-huong', 'tinh-huong-thu-viec');
    expect(situation).toMatch(
      /<details class="quiz-answer" data-quiz-answer><summary>Xem đáp án<\/summary><p class="quiz-correct">Đáp án đúng: B. Phương án hai.<\/p>/,
    );
    expect(situation).toContain('data-quiz-check hidden');
  });

  it('shelves books in reading order with read-online and download links, sizes and formats', () => {
    const shelf = page('ha-noi', 'tu-sach');
    expect(shelf.indexOf('/ha-noi/tu-sach/so-tay/')).toBeLessThan(
      shelf.indexOf('/ha-noi/tu-sach/so-tay-quoc-gia/'),
    );
    const book = page('ha-noi', 'tu-sach', 'so-tay-quoc-gia');
    expect(book).toMatch(
      /<li data-format="PDF">[\s\S]*?PDF, 1,3 MB[\s\S]*?data-file="read"[\s\S]*?download data-file="download"/,
    );
    expect(book).toMatch(/<li data-format="EPUB">(?:(?!data-file="read")[\s\S])*?data-file="download"/);
    expect(page('ha-noi', 'huong-dan', 'muc-ke-hoach')).toContain('12/KH-UBND');
  });

  it('publishes Atom feeds of the news, Q&A and introductions, and indexes every item for search', () => {
    expect(read('ha-noi', 'nguon-tin', 'tin-tuc.xml').match(/<entry>/g)).toHaveLength(2);
    expect(read('ha-noi', 'nguon-tin', 'hoi-dap.xml')).toContain('<title>Thời gian thử việc</title>');
    expect(read('ha-noi', 'nguon-tin', 'gioi-thieu-van-ban.xml')).toContain(
      '/ha-noi/gioi-thieu-van-ban/gioi-thieu-blld/',
    );
    expect(JSON.parse(read('ha-noi', 'nguon-tin', 'hoi-dap.json')).items).toHaveLength(1);
    // Its own resolution and its 11 items; the 2 national codes are in the national bundle.
    expect(result.sites[0]?.search?.records).toBe(1 + 11);
  });
});

describe('search: the national bundle (ADR 0004, strategy E)', () => {
  const bundleDir = () => path.join(outDir, '_national', 'pagefind', result.national!.id);

  it('indexes the national documents once for the run, into a content-addressed bundle that `current` names', () => {
    expect(result.national).toEqual(
      expect.objectContaining({
        built: true,
        records: 2,
        path: `/_national/pagefind/${result.national?.id}/`,
      }),
    );
    expect(result.national?.id).toMatch(/^[0-9a-f]{16}$/);
    expect(fs.existsSync(path.join(bundleDir(), 'pagefind-entry.json'))).toBe(true);
    expect(fs.readdirSync(bundleDir()).filter((f) => /-ui\.|highlight/.test(f))).toEqual([]);
    expect(fs.readlinkSync(path.join(outDir, '_national', 'pagefind', 'current'))).toBe(result.national?.id);
  });

  it('gives every site the bundle to merge: named in its search page and recorded beside its own index', () => {
    for (const code of ['ha-noi', 'ha-noi-ba-dinh']) {
      expect(read(code, 'tim-kiem', 'index.html')).toContain(
        `data-pagefind-national="/_national/pagefind/${result.national?.id}/"`,
      );
      expect(JSON.parse(read(code, 'pagefind', 'national-bundle.json'))).toEqual({
        id: result.national?.id,
        path: result.national?.path,
      });
      expect(result.sites.find((s) => s.code === code)?.search?.national).toBe(result.national?.id);
    }
    expect(read('ha-noi', 'tim-kiem', 'index.html')).toContain(
      'data-search-bundles="/ha-noi/tim-kiem/chi-muc.js" data-base="/ha-noi/"',
    );
    expect(read('ha-noi', 'tim-kiem', 'chi-muc.js')).toContain('export async function openSearch');
  });

  it('stores URLs relative to a site’s base in both indexes, so one bundle serves every site', () => {
    const fragments = (dir: string) =>
      fs.readdirSync(path.join(dir, 'fragment')).map(
        (f) =>
          JSON.parse(
            zlib
              .gunzipSync(fs.readFileSync(path.join(dir, 'fragment', f)))
              .subarray(12)
              .toString('utf8'),
          ) as { url: string },
      );
    expect(
      fragments(bundleDir())
        .map((f) => f.url)
        .sort(),
    ).toEqual(['van-ban/bo-luat/2012/10-2012-qh13/', 'van-ban/bo-luat/2019/45-2019-qh14/']);
    const own = fragments(path.join(outDir, 'ha-noi', 'pagefind')).map((f) => f.url);
    expect(own).toContain('van-ban/nghi-quyet-ubtvqh/2025/1656-nq-ubtvqh15/');
    expect(own.every((url) => !url.startsWith('/') && !url.includes('45-2019-qh14'))).toBe(true);
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
      fetchFormToken: fakeFetchFormToken,
    });
    expect(again.ok).toBe(true);
    expect(fs.existsSync(path.join(outDir, 'ha-noi', 'stale.html'))).toBe(false);
    expect(fs.readdirSync(outDir).filter((name) => name.startsWith('.'))).toEqual([]);
    // The same national documents: the bundle is found, not indexed again.
    expect(again.national).toEqual(expect.objectContaining({ id: result.national?.id, built: false }));
  });

  it('without the national bundle, indexes the national documents into each site, and its search page merges nothing', async () => {
    const flatOut = fs.mkdtempSync(path.join(os.tmpdir(), 'pbgdpl-generate-e-off-'));
    try {
      const alone = await generateSites({
        cmsUrl: 'x',
        client: fakeClient(),
        codes: ['ha-noi'],
        outDir: flatOut,
        asOf: '2025-07-01',
        log: () => {},
        fetchAsset: fakeFetchAsset,
        fetchFormToken: fakeFetchFormToken,
        nationalSearch: false,
      });
      expect(alone.national).toBeNull();
      expect(alone.sites[0]?.search).toEqual(expect.objectContaining({ records: 3 + 11, national: null }));
      expect(fs.readdirSync(flatOut).filter((name) => !name.startsWith('.'))).toEqual(['ha-noi']);
      expect(fs.readFileSync(path.join(flatOut, 'ha-noi', 'tim-kiem', 'index.html'), 'utf8')).not.toContain(
        'data-pagefind-national',
      );
    } finally {
      fs.rmSync(flatOut, { recursive: true, force: true });
    }
  });

  it('refuses an unknown site code before building anything', async () => {
    await expect(
      generateSites({ cmsUrl: 'x', client: fakeClient(), codes: ['khong-co'], outDir, log: () => {} }),
    ).rejects.toThrow(GeneratorError);
  });
});
