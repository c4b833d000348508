import type { EditorialItem, Site, SiteAdoption } from '@pbgdpl/content-client';
import { citationResolver } from '@pbgdpl/site-template/citations';
import { itemDate } from '@pbgdpl/site-template/item-dates';
import { placeItems, type ItemsByType } from './item-placement.js';
import { ADOPTIONS, SITES } from '../fixtures/province-and-commune.js';
import { SECTION_ITEMS } from '../fixtures/section-items.js';
import { itemSegment } from '@pbgdpl/site-template/sections';

const NOW = new Date('2025-07-01T05:00:00Z');
const byCode = (code: string) => SITES.find((s) => s.code === code)!;

function allItems(): ItemsByType {
  const items: ItemsByType = {};
  for (const [type, list] of Object.entries(SECTION_ITEMS)) {
    (items as Record<string, Map<string, EditorialItem>>)[type] = new Map(list.map((i) => [i.documentId, i]));
  }
  return items;
}

const DOCUMENTS = [
  { documentId: 'doc-blld-2019', number: '45/2019/QH14', path: 'van-ban/bo-luat/2019/45-2019-qh14/' },
  { documentId: 'doc-blld-2012', number: '10/2012/QH13', path: 'van-ban/bo-luat/2012/10-2012-qh13/' },
];

function place(sites: Site[] = [byCode('ha-noi'), byCode('ha-noi-ba-dinh')], items = allItems()) {
  return placeItems({ sites, registry: SITES, items, siteDocuments: () => DOCUMENTS, now: NOW });
}

const ids = (refs: Array<{ documentId: string }> | undefined) => (refs ?? []).map((r) => r.documentId);

describe('which items a site shows', () => {
  it('shows its own items and those whose audience reaches it, not another province’s', () => {
    const haNoi = place().get('ha-noi')!;
    expect(ids(haNoi.sections.qa)).toEqual(['thu-viec']);
    expect(ids(haNoi.sections.introduction)).toEqual(['gioi-thieu-blld']);
    expect(haNoi.sections.material).toBeUndefined();
  });

  it('gives a commune its province’s items for descendants, but not its province’s own-site items', () => {
    const commune = place().get('ha-noi-ba-dinh')!;
    expect(ids(commune.sections.dialogue)).toEqual(['doi-thoai-ha-noi']);
    expect(commune.sections.qa).toBeUndefined();
    expect(commune.sections.dialogue?.[0]?.source).toEqual({
      name: 'Thành phố Hà Nội',
      url: '/ha-noi/doi-thoai/doi-thoai-ha-noi/',
    });
  });

  it('leaves out items in a field the site opted out of, unless they are mandatory', () => {
    expect(ids(place().get('ha-noi-ba-dinh')!.sections['news-item'])).toEqual(['tin-bat-buoc']);
    expect(ids(place().get('ha-noi')!.sections['news-item'])).toEqual(['tin-bat-buoc', 'tin-giao-duc']);
  });

  it('follows a filtered audience: the listed kinds within the listed provinces', () => {
    const items = allItems();
    const news = items['news-item']!;
    news.set('tin-xa', {
      ...SECTION_ITEMS['news-item'][0]!,
      documentId: 'tin-xa',
      slug: 'tin-xa',
      fields: [],
      audience: 'filtered',
      audienceSiteKinds: ['commune'],
      audienceProvinces: [{ code: 'ha-noi' }],
    });
    const placed = place([byCode('ha-noi'), byCode('ha-noi-ba-dinh'), byCode('ho-chi-minh')], items);
    expect(ids(placed.get('ha-noi-ba-dinh')!.sections['news-item'])).toContain('tin-xa');
    expect(ids(placed.get('ha-noi')!.sections['news-item'])).not.toContain('tin-xa');
    expect(ids(placed.get('ho-chi-minh')!.sections['news-item'])).not.toContain('tin-xa');
  });
});

describe('where an item lives on a site', () => {
  it('keeps an own item’s slug and gives a syndicated one with the same slug its owner’s code, with a canonical link', () => {
    const books = place().get('ha-noi')!.sections.book!;
    expect(books.map((b) => [b.documentId, b.path, b.source?.url ?? null])).toEqual([
      ['so-tay-ha-noi', 'tu-sach/so-tay/', null],
      ['so-tay', 'tu-sach/so-tay-quoc-gia/', '/quoc-gia/tu-sach/so-tay/'],
    ]);
  });

  it('never lets a slug take a list page’s or the Q&A pages’ address', () => {
    expect(place().get('ha-noi')!.sections.guidance?.[0]?.path).toBe('huong-dan/muc-ke-hoach/');
    expect(itemSegment('qa', { documentId: 'X1', slug: 'tra-cuu' })).toBe('muc-x1');
    expect(itemSegment('news-item', { documentId: 'X1', slug: 'tra-cuu' })).toBe('tra-cuu');
    expect(itemSegment('qa', { documentId: 'X1', slug: 'Không hợp lệ' })).toBe('muc-x1');
  });

  it('makes the canonical link absolute when the owner has its own public address', () => {
    const registry = SITES.map((s) =>
      s.code === 'quoc-gia' ? { ...s, baseUrl: 'https://pbgdpl.gov.vn' } : s,
    );
    const placed = placeItems({
      sites: [byCode('ha-noi')],
      registry,
      items: allItems(),
      siteDocuments: () => DOCUMENTS,
      now: NOW,
    });
    expect(placed.get('ha-noi')!.sections.introduction?.[0]?.source?.url).toBe(
      'https://pbgdpl.gov.vn/gioi-thieu-van-ban/gioi-thieu-blld/',
    );
  });
});

describe('what follows from the placement', () => {
  it('lists, for each document, the items on the site that cite it, by their path on the site', () => {
    const explained = place().get('ha-noi')!.explainedBy['doc-blld-2019']!;
    expect(explained.map((e) => [e.section, e.url])).toEqual([
      ['Giới thiệu văn bản mới', '/ha-noi/gioi-thieu-van-ban/gioi-thieu-blld/'],
      // Cited as "45 / 2019 / qh14" without the CMS's documentId: found by its number.
      ['Hỏi đáp pháp luật', '/ha-noi/hoi-dap/thu-viec/'],
      ['Đối thoại chính sách', '/ha-noi/doi-thoai/doi-thoai-ha-noi/'],
      ['Video tiểu phẩm', '/ha-noi/video/video-tai-len/'],
      ['Video tiểu phẩm', '/ha-noi/video/video-youtube/'],
      ['Tình huống pháp luật', '/ha-noi/tinh-huong/tinh-huong-thu-viec/'],
    ]);
    expect(place().get('ha-noi')!.explainedBy['doc-blld-2012']).toBeUndefined();
  });

  it('announces a dialogue open by its dates, though stored as planned, until it closes', () => {
    expect(place().get('ha-noi-ba-dinh')!.openDialogues).toEqual([
      {
        title: 'Đối thoại về lao động',
        url: '/ha-noi-ba-dinh/doi-thoai/doi-thoai-ha-noi/',
        closesOn: '2025-07-15',
      },
    ]);
    const after = placeItems({
      sites: [byCode('ha-noi')],
      registry: SITES,
      items: allItems(),
      siteDocuments: () => DOCUMENTS,
      now: new Date('2025-07-16T00:00:00Z'),
    });
    expect(after.get('ha-noi')!.openDialogues).toEqual([]);
  });

  it('dates items in Vietnam: an answer by its day, a post by its publication in Vietnam time', () => {
    expect(itemDate('qa', SECTION_ITEMS.qa[0]!)).toBe('2025-06-05');
    expect(itemDate('video', { ...SECTION_ITEMS.video[0]!, publishedAt: '2025-06-20T18:30:00.000Z' })).toBe(
      '2025-06-21',
    );
    expect(itemDate('book', SECTION_ITEMS.book[0]!)).toBeNull();
  });

  it('resolves a citation by documentId first, else by its number in any spelling', () => {
    const resolve = citationResolver(DOCUMENTS);
    expect(resolve({ citedDocumentId: 'doc-blld-2012', documentNumber: '45/2019/QH14' })?.number).toBe(
      '10/2012/QH13',
    );
    expect(resolve({ citedDocumentId: null, documentNumber: ' 45/2019/qh14 ' })?.number).toBe('45/2019/QH14');
    expect(resolve({ citedDocumentId: null, documentNumber: '99/2099/QH99' })).toBeNull();
  });
});

describe('items a site adopted', () => {
  const adoption = (
    site: string,
    targetType: string,
    target: string,
    extra: Partial<SiteAdoption> = {},
  ): SiteAdoption => ({
    documentId: `chon-${site}-${target}`,
    owningSite: { code: site },
    targetType: targetType as SiteAdoption['targetType'],
    targetDocumentId: target,
    targetTitle: null,
    pinnedOnHome: true,
    position: null,
    localNoteTitle: null,
    localNote: null,
    updatedAt: null,
    ...extra,
  });
  const placeWith = (adoptions: SiteAdoption[], sites = [byCode('ha-noi'), byCode('ha-noi-ba-dinh')]) =>
    placeItems({
      sites,
      registry: SITES,
      items: allItems(),
      siteDocuments: () => DOCUMENTS,
      now: NOW,
      adoptions,
    });

  it('marks the adopting site’s ref with its pinning and local note, keeping the source; other sites are unchanged', () => {
    const placed = placeWith(ADOPTIONS);
    const news = placed.get('ha-noi')!.sections['news-item']!;
    expect(news.find((r) => r.documentId === 'tin-giao-duc')).toEqual({
      documentId: 'tin-giao-duc',
      path: 'tin-tuc/tin-giao-duc/',
      source: { name: 'Cổng Phổ biến, giáo dục pháp luật quốc gia', url: '/quoc-gia/tin-tuc/tin-giao-duc/' },
      adoption: { pinned: true, position: 1, noteTitle: 'Hà Nội triển khai', note: ADOPTIONS[0]!.localNote },
    });
    expect(news.find((r) => r.documentId === 'tin-bat-buoc')!.adoption).toBeUndefined();
    // The list order stays by date: pinning is the home page's business.
    expect(ids(news)).toEqual(['tin-bat-buoc', 'tin-giao-duc']);
    expect(placed.get('ha-noi-ba-dinh')!.sections['news-item']!.some((r) => r.adoption)).toBe(false);
  });

  it('shows an item the site adopted although it later opted out of its field', () => {
    const placed = placeWith([
      adoption('ha-noi-ba-dinh', 'news_item', 'tin-giao-duc', { localNoteTitle: 'Phường chọn' }),
    ]);
    const news = placed.get('ha-noi-ba-dinh')!.sections['news-item']!;
    expect(ids(news)).toEqual(['tin-bat-buoc', 'tin-giao-duc']);
    expect(news[1]!.adoption?.noteTitle).toBe('Phường chọn');
    expect(news[1]!.source?.name).toBe('Cổng Phổ biến, giáo dục pháp luật quốc gia');
  });

  it('never shows an adopted item whose audience does not reach the site, nor marks the site’s own item', () => {
    const placed = placeWith([
      adoption('ha-noi-ba-dinh', 'material', 'to-gap-hcm'),
      adoption('ha-noi', 'qa', 'thu-viec', { localNoteTitle: 'Của chính Hà Nội' }),
      adoption('ha-noi', 'report', 'khong-co'),
    ]);
    expect(placed.get('ha-noi-ba-dinh')!.sections.material).toBeUndefined();
    expect(placed.get('ha-noi')!.sections.qa!.map((r) => r.adoption)).toEqual([undefined]);
  });

  it('keeps the pinned adoption with the smallest position when a site adopted an item twice', () => {
    const placed = placeWith([
      adoption('ha-noi', 'introduction', 'gioi-thieu-blld', {
        pinnedOnHome: false,
        localNoteTitle: 'Không ghim',
      }),
      adoption('ha-noi', 'introduction', 'gioi-thieu-blld', { position: 5, localNoteTitle: 'Thứ năm' }),
      adoption('ha-noi', 'introduction', 'gioi-thieu-blld', { position: 2, localNoteTitle: 'Thứ hai' }),
    ]);
    expect(placed.get('ha-noi')!.sections.introduction![0]!.adoption).toMatchObject({
      pinned: true,
      position: 2,
      noteTitle: 'Thứ hai',
    });
  });
});
