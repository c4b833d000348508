/**
 * Every route of a site and the pages it has, from the snapshot: one table that `astro build`
 * (getStaticPaths), a page rendered on demand (its props, which on demand Astro does not pass)
 * and a warm renderer (the list of a site's URLs and the files they become) all read, so the
 * three cannot disagree.
 *
 * A page always takes its props from here, never from getStaticPaths: the HTML of a static build
 * and of a warm render come from the same lookup.
 */
import type { EditorialType } from '@pbgdpl/domain';
import { ICONS } from './search-links';
import { textPartPath } from './document-text';
import {
  NUMBER_INDEX_SINGLE_PAGE_LIMIT,
  numberIndexYears,
  yearSlug,
  type NumberIndexYear,
} from './number-index';
import {
  sectionFeedItems,
  sectionPaths,
  SECTION_BY_TYPE,
  captionPath,
  type SectionPageProps,
} from './sections';
import { siteFeeds } from './site-feeds';
import { CHILD_PAGE_SIZE, CHILDREN_PATH, listPages } from './site-view';
import {
  batchCodes,
  hasSite,
  loadItemDetail,
  loadRun,
  loadSite,
  loadSiteDocuments,
  loadSiteListings,
  loadSiteSection,
  reusedDocuments,
  searchBeacon,
  snapshotMemo,
  textPageCount,
} from './snapshot';

type Params = Record<string, string | undefined>;

/** One page of a route on one site: its parameters besides `site`, and what the page is given. */
export interface RoutePath<P> {
  params: Params;
  props: P;
}

export interface SiteRoute<P> {
  /** The route file under src/pages without its extension ("[site]/van-ban/[...path]"). */
  pattern: string;
  /** Pages become `<path>/index.html`; endpoints the file their path names. */
  kind: 'page' | 'endpoint';
  paths(code: string): Array<RoutePath<P>>;
  /** Pages a static build leaves out although they exist (their files are linked from the live release). */
  omitFromBuild?(code: string, props: P): boolean;
}

function route<P>(
  pattern: string,
  kind: SiteRoute<P>['kind'],
  paths: SiteRoute<P>['paths'],
  omitFromBuild?: SiteRoute<P>['omitFromBuild'],
): SiteRoute<P> {
  return { pattern, kind, paths, ...(omitFromBuild ? { omitFromBuild } : {}) };
}

/** What a page with nothing to look up is given (an object, so that null can mean "no such page"). */
export type NoProps = Record<string, never>;
const NO_PROPS: NoProps = {};

/** A route with one page per site. */
const one = (pattern: string, kind: SiteRoute<NoProps>['kind'] = 'page') =>
  route<NoProps>(pattern, kind, () => [{ params: {}, props: NO_PROPS }]);

/** A route with one page on the sites where `exists` holds. */
const onlyWhen = (
  pattern: string,
  exists: (code: string) => boolean,
  kind: SiteRoute<NoProps>['kind'] = 'endpoint',
) => route<NoProps>(pattern, kind, (code) => (exists(code) ? [{ params: {}, props: NO_PROPS }] : []));

/** The forms and their confirmation pages exist where the CMS gave the site a form token. */
const hasForms = (code: string) => Boolean(loadSite(code).forms);

/** "van-ban/luat/2019/45-2019-qh14/" → the rest parameter "luat/2019/45-2019-qh14" (undefined for the folder itself). */
const restOf = (path: string, folder: string) => path.slice(folder.length).replace(/\/$/, '') || undefined;

export type DocumentBrowserProps =
  { kind: 'listing'; index: number } | { kind: 'document'; documentId: string; textPage: number };

/**
 * `van-ban/` holds the document browser (the list and its filters) and every document with its
 * text pages, in one route: a document's URL lies under `van-ban/` too, and two routes there
 * would let the more specific one catch the other's URLs on demand.
 */
const documentBrowser = route<DocumentBrowserProps>(
  '[site]/van-ban/[...path]',
  'page',
  (code) => [
    ...loadSiteListings(code).pages.map((listing, index) => ({
      params: { path: restOf(listing.page.path, 'van-ban/') },
      props: { kind: 'listing' as const, index },
    })),
    ...loadSiteDocuments(code).flatMap((doc) => {
      const path = restOf(doc.path, 'van-ban/');
      const textPages = Array.from({ length: textPageCount(doc.documentId) }, (_, i) => ({
        params: { path: `${path}/${textPartPath(i + 1).replace(/\/$/, '')}` },
        props: { kind: 'document' as const, documentId: doc.documentId, textPage: i + 1 },
      }));
      return [
        { params: { path }, props: { kind: 'document' as const, documentId: doc.documentId, textPage: 0 } },
        ...textPages,
      ];
    }),
  ],
  // Documents whose pages the live release already has, unchanged (generator/incremental/).
  (code, props) => props.kind === 'document' && reusedDocuments(code).has(props.documentId),
);

const section = (folder: string, type: EditorialType) =>
  route<SectionPageProps>(`[site]/${folder}/[...path]`, 'page', (code) => sectionPaths(code, type));

export interface NumberIndexProps {
  years: NumberIndexYear[];
  split: boolean;
  year: NumberIndexYear | null;
}

export type FeedProps = { feed: ReturnType<typeof siteFeeds>[number]; format: 'atom' | 'json' };

/** Every route of the template (a test checks that each file under src/pages is here). */
export const SITE_ROUTES = {
  home: one('[site]/index'),
  notFound: one('[site]/404'),
  documentBrowser,
  newlyEffective: one('[site]/van-ban-moi-co-hieu-luc/index'),
  about: one('[site]/gioi-thieu/index'),
  children: route<{ pageNumber: number }>('[site]/don-vi-truc-thuoc/[...page]', 'page', (code) => {
    // Only units with child sites get the page (the footer links to it then).
    const { children } = loadSite(code);
    if (children.length === 0) return [];
    return listPages(children, CHILD_PAGE_SIZE, CHILDREN_PATH).map((page) => ({
      params: { page: page.number === 1 ? undefined : `trang-${page.number}` },
      props: { pageNumber: page.number },
    }));
  }),
  introductions: section('gioi-thieu-van-ban', 'introduction'),
  questions: section('hoi-dap', 'qa'),
  questionSent: onlyWhen('[site]/hoi-dap/da-gui/index', hasForms, 'page'),
  questionStatus: onlyWhen('[site]/hoi-dap/tra-cuu/index', hasForms, 'page'),
  dialogues: section('doi-thoai', 'dialogue'),
  materials: section('tai-lieu', 'material'),
  videos: section('video', 'video'),
  videoCaptions: route<{ vtt: string }>('[site]/video/[item]/[captions]', 'endpoint', (code) =>
    loadSiteSection(code, 'video').flatMap(({ ref }) =>
      (loadItemDetail('video', ref.documentId).captions ?? []).map((caption, i) => {
        const [item, file] = captionPath(ref.path, caption.language, i)
          .slice(SECTION_BY_TYPE.video.path.length)
          .split('/');
        return { params: { item, captions: file }, props: { vtt: caption.vtt } };
      }),
    ),
  ),
  situations: section('tinh-huong', 'legal-situation'),
  books: section('tu-sach', 'book'),
  guidance: section('huong-dan', 'guidance'),
  news: section('tin-tuc', 'news-item'),
  reportSent: onlyWhen('[site]/phan-anh/da-gui/index', hasForms, 'page'),
  search: one('[site]/tim-kiem/index'),
  numberIndex: route<NumberIndexProps>('[site]/tim-kiem/so-ky-hieu/[...year]', 'page', (code) => {
    const documents = loadSiteDocuments(code);
    const years = numberIndexYears(documents);
    const split = documents.length > NUMBER_INDEX_SINGLE_PAGE_LIMIT;
    return [
      { params: { year: undefined }, props: { years, split, year: null } },
      ...(split
        ? years.map((y) => ({ params: { year: yearSlug(y) }, props: { years, split, year: y } }))
        : []),
    ];
  }),
  feeds: one('[site]/nguon-tin/index'),
  feed: route<FeedProps>('[site]/nguon-tin/[feed]', 'endpoint', (code) => {
    const { site } = loadSite(code);
    return siteFeeds(site, loadSiteDocuments(code), loadRun(), sectionFeedItems(code)).flatMap((feed) => [
      { params: { feed: `${feed.slug}.xml` }, props: { feed, format: 'atom' as const } },
      { params: { feed: `${feed.slug}.json` }, props: { feed, format: 'json' as const } },
    ]);
  }),
  offline: one('[site]/ngoai-tuyen/index'),
  componentExamples: route<NoProps>('[site]/vi-du-thanh-phan/index', 'page', () =>
    // Only for the e2e suite's accessibility check; a production build has no such page.
    process.env.PBGDPL_COMPONENT_EXAMPLES === '1' ? [{ params: {}, props: NO_PROPS }] : [],
  ),
  stylesheet: one('[site]/site.css', 'endpoint'),
  // The forms' files exist on sites that have forms (a form token from the CMS).
  formStylesheet: onlyWhen('[site]/bieu-mau.css', hasForms),
  formScript: onlyWhen('[site]/bieu-mau.js', hasForms),
  sectionScript: one('[site]/chuyen-muc.js', 'endpoint'),
  appScript: one('[site]/ung-dung.js', 'endpoint'),
  searchScript: one('[site]/tim-kiem/tim-kiem.js', 'endpoint'),
  searchIndexScript: one('[site]/tim-kiem/chi-muc.js', 'endpoint'),
  // Only when the run was given the CMS's public address (the page loads it then).
  searchBeaconScript: onlyWhen('[site]/tim-kiem/dem-luot-tim.js', () => searchBeacon() !== null),
  manifest: one('[site]/manifest.webmanifest', 'endpoint'),
  icons: route<{ icon: (typeof ICONS)[number] }>('[site]/icons/[icon].png', 'endpoint', () =>
    ICONS.map((icon) => ({ params: { icon: icon.file.replace(/^icons\/|\.png$/g, '') }, props: { icon } })),
  ),
  logo: route<NoProps>('[site]/logo.[ext]', 'endpoint', (code) => {
    const logo = loadSite(code).logo;
    return logo ? [{ params: { ext: logo.file.replace(/^logo\./, '') }, props: NO_PROPS }] : [];
  }),
} satisfies Record<string, SiteRoute<unknown>>;

/** The names of a route's parameters besides `site`, in order ("[...path]" → "path"). */
function paramNames(pattern: string): string[] {
  return [...pattern.matchAll(/\[(?:\.\.\.)?([a-z]+)\]/g)].map((m) => m[1]!).filter((n) => n !== 'site');
}

function paramKey(names: readonly string[], params: Params): string {
  return names.map((n) => params[n] ?? '').join('\u0000');
}

/** getStaticPaths for a route: its pages on every site of the batch `astro build` was given. */
export function staticPaths<P>(route: SiteRoute<P>): () => Array<{ params: Params }> {
  return () =>
    batchCodes().flatMap((code) =>
      route
        .paths(code)
        .filter((path) => !route.omitFromBuild?.(code, path.props))
        .map((path) => ({ params: { site: code, ...path.params } })),
    );
}

/**
 * The props of the page these params name, looked up in the route's pages of the site (once per
 * site and snapshot); null when the site or the page does not exist (on demand any URL may come).
 */
export function routeProps<P>(route: SiteRoute<P>, params: Params): P | null {
  const code = params.site;
  if (!code || !hasSite(code)) return null;
  const names = paramNames(route.pattern);
  const pages = snapshotMemo(
    `route:${route.pattern}:${code}`,
    () => new Map(route.paths(code).map((path) => [paramKey(names, path.params), path.props])),
  );
  const key = paramKey(names, params);
  return pages.has(key) ? (pages.get(key) as P) : null;
}

/** What a page or endpoint answers for a URL that is not one of the snapshot's pages (on demand only). */
export function notFound(): Response {
  return new Response(null, { status: 404 });
}

/** One file of a site as a warm renderer asks for it and writes it. */
export interface SitePage {
  /** The URL to request ("/ha-noi/van-ban/", "/ha-noi/site.css", "/ha-noi/nguon-tin/van-ban.xml/"). */
  url: string;
  /** The file `astro build` writes for it, relative to its output folder ("ha-noi/van-ban/index.html"). */
  file: string;
  kind: SiteRoute<unknown>['kind'];
}

/** Fills a route pattern in: "[site]/van-ban/[...path]" with path "luat" → "ha-noi/van-ban/luat". */
function fill(pattern: string, params: Params): string {
  return pattern
    .replace(/\/index$/, '')
    .replace(/\/\[\.\.\.([a-z]+)\]/g, (_, name: string) => (params[name] ? `/${params[name]}` : ''))
    .replace(/\[([a-z]+)\]/g, (_, name: string) => params[name] ?? '');
}

/** Every page of a site in the snapshot, with its URL and file, in the routes' order. */
export function sitePages(code: string): SitePage[] {
  return Object.values(SITE_ROUTES).flatMap((route: SiteRoute<unknown>) =>
    route.paths(code).map((path) => {
      const filled = fill(route.pattern, { site: code, ...path.params });
      if (route.kind === 'page')
        return { url: `/${filled}/`, file: `${filled}/index.html`, kind: route.kind };
      // With trailingSlash 'always' Astro wants a slash after an endpoint whose name ends in a
      // parameter ("nguon-tin/[feed]"), not after one ending in a fixed extension ("site.css").
      return { url: `/${filled}${route.pattern.endsWith(']') ? '/' : ''}`, file: filled, kind: route.kind };
    }),
  );
}
