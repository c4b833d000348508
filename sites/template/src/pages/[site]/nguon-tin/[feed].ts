/**
 * Every feed of a site as Atom (<slug>.xml) and JSON Feed (<slug>.json), from src/lib/site-feeds.ts.
 */
import type { APIRoute } from 'astro';
import { loadSite } from '../../../lib/snapshot';
import { feedPaths } from '../../../lib/site-feeds';
import { atomFeed, jsonFeed } from '../../../lib/feed';
import { SITE_ROUTES, notFound, routeProps, staticPaths } from '../../../lib/site-routes';

export const getStaticPaths = staticPaths(SITE_ROUTES.feed);

export const GET: APIRoute = ({ params }) => {
  const props = routeProps(SITE_ROUTES.feed, params);
  if (!props) return notFound();
  const { feed, format } = props;
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
