/**
 * Feeds any section can publish: Atom 1.0 (RFC 4287) and JSON Feed 1.1 from the same items.
 * A section gives its items ({ title, url, updated, summary, section }) and where the feed lives;
 * URLs are made absolute from the site's `baseUrl` when the registry has one, else they stay
 * root-relative (readers resolve them against the feed's own address, and entry ids become
 * `urn:pbgdpl:` names that stay stable across hosts).
 */

export interface FeedItem {
  title: string;
  /** Root-relative ("/ha-noi/van-ban/…/") or absolute URL of the item's page. */
  url: string;
  /** When the item last changed or took effect: "2025-06-16" or a full ISO date-time. */
  updated: string;
  summary?: string | null;
  /** The section it belongs to ("Văn bản pháp luật"); an Atom category, a JSON Feed tag. */
  section?: string | null;
}

export interface FeedOptions {
  title: string;
  subtitle?: string;
  /** Root-relative URL of the feed itself, and of the page it mirrors. */
  feedUrl: string;
  pageUrl: string;
  /** The site's public origin (registry `baseUrl`), or null when it lives under a shared host. */
  baseUrl: string | null;
  /** Who publishes it: the unit's name. */
  author: string;
  items: readonly FeedItem[];
  /** At most this many items, in the order given. Default 50. */
  limit?: number;
  /** The feed's own updated time when it has no item; default the newest item's. */
  fallbackUpdated: string;
}

export const FEED_ITEM_LIMIT = 50;

/** A date ("2025-06-16") as an RFC 3339 date-time at midnight in Vietnam; date-times pass through. */
export function rfc3339(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+07:00` : new Date(value).toISOString();
}

/** The URL as readers should see it: absolute under `baseUrl` when there is one. */
export function absoluteUrl(url: string, baseUrl: string | null): string {
  if (/^https?:\/\//i.test(url) || !baseUrl) return url;
  return new URL(url, baseUrl).href;
}

/** A permanent id: the absolute URL when known, else a `urn:pbgdpl:` name built from the path. */
export function feedId(url: string, baseUrl: string | null): string {
  const absolute = absoluteUrl(url, baseUrl);
  return /^https?:\/\//i.test(absolute) ? absolute : `urn:pbgdpl:${encodeURI(absolute.replace(/^\/+/, ''))}`;
}

function escapeXml(text: string): string {
  return text
    // XML 1.0 forbids these control characters even when escaped.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function newest(options: FeedOptions, items: readonly FeedItem[]): string {
  const times = items.map((i) => rfc3339(i.updated)).sort();
  return times.at(-1) ?? rfc3339(options.fallbackUpdated);
}

export function atomFeed(options: FeedOptions): string {
  const items = options.items.slice(0, options.limit ?? FEED_ITEM_LIMIT);
  const { baseUrl } = options;
  const entries = items.map((item) =>
    [
      '  <entry>',
      `    <title>${escapeXml(item.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl(item.url, baseUrl))}"/>`,
      `    <id>${escapeXml(feedId(item.url, baseUrl))}</id>`,
      `    <updated>${rfc3339(item.updated)}</updated>`,
      item.section ? `    <category term="${escapeXml(item.section)}"/>` : null,
      item.summary ? `    <summary>${escapeXml(item.summary)}</summary>` : null,
      '  </entry>',
    ]
      .filter((line) => line !== null)
      .join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
    `  <title>${escapeXml(options.title)}</title>`,
    options.subtitle ? `  <subtitle>${escapeXml(options.subtitle)}</subtitle>` : null,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(absoluteUrl(options.feedUrl, baseUrl))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl(options.pageUrl, baseUrl))}"/>`,
    `  <id>${escapeXml(feedId(options.feedUrl, baseUrl))}</id>`,
    `  <updated>${newest(options, items)}</updated>`,
    `  <author><name>${escapeXml(options.author)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ]
    .filter((line) => line !== null)
    .join('\n');
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the same items. */
export function jsonFeed(options: FeedOptions & { jsonFeedUrl: string }): string {
  const items = options.items.slice(0, options.limit ?? FEED_ITEM_LIMIT);
  const { baseUrl } = options;
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: options.title,
      ...(options.subtitle ? { description: options.subtitle } : {}),
      home_page_url: absoluteUrl(options.pageUrl, baseUrl),
      feed_url: absoluteUrl(options.jsonFeedUrl, baseUrl),
      language: 'vi',
      authors: [{ name: options.author }],
      items: items.map((item) => ({
        id: feedId(item.url, baseUrl),
        url: absoluteUrl(item.url, baseUrl),
        title: item.title,
        ...(item.summary ? { summary: item.summary, content_text: item.summary } : { content_text: item.title }),
        date_modified: rfc3339(item.updated),
        ...(item.section ? { tags: [item.section] } : {}),
      })),
    },
    null,
    1,
  );
}
