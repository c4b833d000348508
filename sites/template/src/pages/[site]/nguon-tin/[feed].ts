/**
 * Every feed of a site as Atom (<slug>.xml) and JSON Feed (<slug>.json), from src/lib/site-feeds.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { batchCodes, loadRun, loadSite, loadSiteDocuments } from '../../../lib/snapshot';
import { sectionFeedItems } from '../../../lib/sections';
import { siteFeeds, feedPaths } from '../../../lib/site-feeds';
import { atomFeed, jsonFeed } from '../../../lib/feed';

export const getStaticPaths = (() =>
  batchCodes().flatMap((code) => {
    const { site } = loadSite(code);
    return siteFeeds(site, loadSiteDocuments(code), loadRun(), sectionFeedItems(code)).flatMap((feed) => [
      { params: { site: code, feed: `${feed.slug}.xml` }, props: { feed, format: 'atom' as const } },
      { params: { site: code, feed: `${feed.slug}.json` }, props: { feed, format: 'json' as const } },
    ]);
  })) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) => {
  const { feed, format } = props as { feed: ReturnType<typeof siteFeeds>[number]; format: 'atom' | 'json' };
  const { site } = loadSite(params.site as string);
  const paths = feedPaths(site, feed.slug);
  if (format === 'json') {
    return new Response(jsonFeed({ ...feed.options, feedUrl: paths.atom, jsonFeedUrl: paths.json }), {
      headers: { 'content-type': 'application/feed+json; charset=utf-8' },
    });
  }
  return new Response(atomFeed({ ...feed.options, feedUrl: paths.atom }), {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
  });
};
