/**
 * The feeds every site publishes (nguon-tin/): newly effective documents (C-1), the latest
 * documents, and the news, Q&A and introductions sections, each as Atom and JSON Feed. A section
 * feed is one entry of `SECTION_FEEDS`; the route (src/pages/[site]/nguon-tin/[feed].ts), the
 * feeds page and the layout's autodiscovery links follow.
 */
import type { Site } from '@pbgdpl/content-client';
import { joinBase, newlyEffectivePath, documentListPath, type EditorialType } from '@pbgdpl/domain';
import type { DocumentSummary, RunManifest } from '../contract/snapshot-format.js';
import type { FeedItem, FeedOptions } from './feed';
import { documentHref, newlyEffective } from './site-view';
import { documentTypeLabel, viDate } from './format';
import { SECTION_BY_TYPE } from '../contract/sections.js';
import type { ItemSummary, SiteItemRef } from '../contract/snapshot-format.js';

/** Sections with a feed of their own, and the feed's file name under nguon-tin/. */
export const SECTION_FEEDS: ReadonlyArray<{ type: EditorialType; slug: string }> = [
  { type: 'news-item', slug: 'tin-tuc' },
  { type: 'qa', slug: 'hoi-dap' },
  { type: 'introduction', slug: 'gioi-thieu-van-ban' },
];

/** A section's items as the feeds read them (the site's list order: newest first). */
export type SectionFeedItems = Partial<
  Record<EditorialType, ReadonlyArray<{ ref: SiteItemRef; summary: ItemSummary }>>
>;

export interface SiteFeed {
  /** File name under nguon-tin/ without extension ("van-ban"): .xml is Atom, .json is JSON Feed. */
  slug: string;
  title: string;
  description: string;
  options: Omit<FeedOptions, 'feedUrl'>;
}

export const FEED_DIR = 'nguon-tin/';

export function feedPaths(site: Pick<Site, 'basePath'>, slug: string) {
  return {
    atom: joinBase(site.basePath, `${FEED_DIR}${slug}.xml`),
    json: joinBase(site.basePath, `${FEED_DIR}${slug}.json`),
  };
}

/** The feeds' titles and addresses without their items: the layout's autodiscovery links. */
export function feedLinks(site: Pick<Site, 'basePath' | 'name'>) {
  return [
    { title: `Văn bản mới có hiệu lực — ${site.name}`, ...feedPaths(site, 'van-ban-moi-co-hieu-luc') },
    { title: `Văn bản mới ban hành — ${site.name}`, ...feedPaths(site, 'van-ban') },
    ...SECTION_FEEDS.map(({ type, slug }) => ({
      title: `${SECTION_BY_TYPE[type].label} — ${site.name}`,
      ...feedPaths(site, slug),
    })),
  ];
}

function documentItem(site: Site, doc: DocumentSummary, updated: string): FeedItem {
  return {
    title: `${doc.title} (${doc.number})`,
    url: documentHref(site, doc),
    updated,
    summary: `${documentTypeLabel(doc.documentType)} số ${doc.number}, ban hành ngày ${viDate(doc.issuedDate)}${doc.effectiveFrom ? `, có hiệu lực từ ${viDate(doc.effectiveFrom)}` : ''}.`,
    section: 'Văn bản pháp luật',
  };
}

export function siteFeeds(
  site: Site,
  documents: readonly DocumentSummary[],
  run: RunManifest,
  sections: SectionFeedItems = {},
): SiteFeed[] {
  const recent = newlyEffective(documents, run);
  const newlyEffectiveItems =
    recent.mode === 'window'
      ? recent.documents.map((doc) => documentItem(site, doc, doc.effectiveFrom ?? doc.issuedDate))
      : [];
  const common = { baseUrl: site.baseUrl, author: site.name, fallbackUpdated: run.asOf };
  return [
    {
      slug: 'van-ban-moi-co-hieu-luc',
      title: `Văn bản mới có hiệu lực — ${site.name}`,
      description: `Văn bản pháp luật có hiệu lực trong ${run.newlyEffectiveWindowDays} ngày gần nhất.`,
      options: {
        ...common,
        title: `Văn bản mới có hiệu lực — ${site.name}`,
        subtitle: `Văn bản pháp luật có hiệu lực trong ${run.newlyEffectiveWindowDays} ngày gần nhất, tính đến ngày cập nhật.`,
        pageUrl: joinBase(site.basePath, newlyEffectivePath()),
        items: newlyEffectiveItems,
      },
    },
    {
      slug: 'van-ban',
      title: `Văn bản mới ban hành — ${site.name}`,
      description: 'Các văn bản pháp luật mới ban hành nhất (50 văn bản).',
      options: {
        ...common,
        title: `Văn bản mới ban hành — ${site.name}`,
        subtitle: 'Các văn bản pháp luật mới ban hành nhất trên trang.',
        pageUrl: joinBase(site.basePath, documentListPath()),
        items: documents.map((doc) => documentItem(site, doc, doc.issuedDate)),
      },
    },
    ...SECTION_FEEDS.map(({ type, slug }): SiteFeed => {
      const section = SECTION_BY_TYPE[type];
      const title = `${section.label} — ${site.name}`;
      return {
        slug,
        title,
        description: section.intro,
        options: {
          ...common,
          title,
          subtitle: section.intro,
          pageUrl: joinBase(site.basePath, section.path),
          items: (sections[type] ?? []).map(({ ref, summary }) => ({
            title: summary.title,
            url: joinBase(site.basePath, ref.path),
            updated: summary.date ?? run.asOf,
            summary: summary.summary,
            section: section.label,
          })),
        },
      };
    }),
  ];
}
