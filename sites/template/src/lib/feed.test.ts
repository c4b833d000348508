import { absoluteUrl, atomFeed, feedId, jsonFeed, rfc3339 } from './feed';

const items = [
  { title: 'Luật Đất đai <2024>', url: '/ha-noi/van-ban/luat/2024/31-2024-qh15/', updated: '2024-08-01', summary: 'A & B', section: 'Văn bản pháp luật' },
  { title: 'Bộ luật Lao động', url: '/ha-noi/van-ban/bo-luat/2019/45-2019-qh14/', updated: '2021-01-01' },
];
const base = { title: 'Văn bản — Hà Nội', feedUrl: '/ha-noi/nguon-tin/van-ban.xml', pageUrl: '/ha-noi/van-ban/', author: 'Thành phố Hà Nội', items, fallbackUpdated: '2025-07-01' };

describe('feeds', () => {
  it('make URLs absolute from the site’s public origin, and ids stable without one', () => {
    expect(absoluteUrl('/ha-noi/x/', 'https://pbgdpl.example')).toBe('https://pbgdpl.example/ha-noi/x/');
    expect(absoluteUrl('/ha-noi/x/', null)).toBe('/ha-noi/x/');
    expect(feedId('/ha-noi/x/', null)).toBe('urn:pbgdpl:ha-noi/x/');
    expect(rfc3339('2024-08-01')).toBe('2024-08-01T00:00:00+07:00');
  });

  it('write Atom with escaped text, the newest item’s time as the feed’s, and at most `limit` entries', () => {
    const xml = atomFeed({ ...base, baseUrl: 'https://pbgdpl.example', limit: 1 });
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">');
    expect(xml).toContain('<title>Luật Đất đai &lt;2024&gt;</title>');
    expect(xml).toContain('<summary>A &amp; B</summary>');
    expect(xml).toContain('<updated>2024-08-01T00:00:00+07:00</updated>');
    expect(xml.match(/<entry>/g)).toHaveLength(1);
    expect(xml).toContain('href="https://pbgdpl.example/ha-noi/van-ban/luat/2024/31-2024-qh15/"');
  });

  it('fall back to the build date when there is no item', () => {
    expect(atomFeed({ ...base, baseUrl: null, items: [] })).toContain('<updated>2025-07-01T00:00:00+07:00</updated>');
  });

  it('write JSON Feed 1.1 from the same items', () => {
    const feed = JSON.parse(jsonFeed({ ...base, baseUrl: null, jsonFeedUrl: '/ha-noi/nguon-tin/van-ban.json' }));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.map((i: { url: string }) => i.url)).toEqual(items.map((i) => i.url));
    expect(feed.items[0].tags).toEqual(['Văn bản pháp luật']);
  });
});
