/**
 * The site template's own view logic (sites/template/src/lib, read, never changed), loaded into
 * the bench so that the Hugo site gets exactly the pages the Astro build writes: the same text
 * pages split at the same headings, the same filter values and listing pages.
 *
 * Those files are TypeScript imported with ".js" specifiers (as Astro's bundler resolves them);
 * Node's type stripping runs them, and a resolve hook maps "./x.js" to "./x.ts" when only the
 * ".ts" file exists. Typed here by hand with what the bench uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire, register } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TEMPLATE_DIR } from '@pbgdpl/site-builder';

const LIB = path.join(TEMPLATE_DIR, 'src', 'lib');

export interface TocEntry {
  id: string;
  kind: 'part' | 'chapter' | 'section' | 'article';
  text: string;
  part: number;
}
export interface TextPart {
  number: number;
  html: string;
  first: TocEntry | null;
  last: TocEntry | null;
  range: string | null;
}
export interface DocumentText {
  toc: TocEntry[];
  parts: TextPart[];
  inline: boolean;
  gzipBytes: number;
}
export interface FacetValue<D> {
  facet: 'type' | 'year' | 'status' | 'field' | 'issuer';
  slug: string;
  label: string;
  path: string;
  documents: D[];
}
export interface ListingPage<D> {
  facet: FacetValue<D> | null;
  page: { number: number; path: string; documents: D[] };
  pages: Array<{ number: number; path: string }>;
  total: number;
}
export interface RelationView {
  kind: string;
  direction: 'incoming' | 'outgoing';
  label: string;
  otherNumber: string;
  otherDocumentId: string | null;
  partial: boolean;
  affectedPart: string | null;
  effectiveDate: string | null;
  note: string | null;
}

export interface TemplateLib {
  renderFullText: (text: string) => string;
  detectFormat: (text: string) => 'markdown' | 'plain';
  documentText: (html: string) => DocumentText;
  textPartPath: (n: number) => string;
  facetValues: <D>(documents: readonly D[]) => Record<FacetValue<D>['facet'], Array<FacetValue<D>>>;
  listingPages: <D>(documents: readonly D[], pageSize: number) => Array<ListingPage<D>>;
  FACETS: ReadonlyArray<{ key: FacetValue<unknown>['facet']; label: string; segment: string | null }>;
  relationViews: (documentId: string, relations: readonly unknown[]) => RelationView[];
  basisExplanation: (doc: unknown, hasIncoming: boolean) => string;
  historyCause: (event: unknown) => string;
  documentTypeLabel: (type: string) => string;
  validityLabel: (status: string | null) => string;
  scopeLabel: (scope: 'national' | 'local', siteName: string | null) => string;
  siteKindLabel: (kind: string) => string;
  viDate: (date: string | null | undefined, fallback?: string) => string;
  tocTree: (entries: readonly TocEntry[]) => TocNode[];
  tocHref: (text: Pick<DocumentText, 'inline'>, entry: Pick<TocEntry, 'id' | 'part'>) => string;
  feedLinks: (site: {
    basePath: string;
    name: string;
  }) => Array<{ title: string; atom: string; json: string }>;
  siteColors: (theme: { primaryColor: string | null; accentColor: string | null } | null) => {
    primary: string;
    accent: string;
  };
  SECTIONS: ReadonlyArray<{ type: string; path: string; navLabel: string }>;
  domain: {
    formatVietnameseDate: (date: string) => string;
    VALIDITY_LEGAL_FORCE: Record<string, string>;
  };
}

export interface TocNode {
  entry: TocEntry;
  children: TocNode[];
}

/**
 * The resolve hook: from the template's TypeScript sources, "./x.js" and "./x" resolve to "./x.ts"
 * when that is the file there is (Vite's resolution, which the sources are written for).
 */
const HOOK = `
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
export async function resolve(specifier, context, next) {
  if (specifier.startsWith('.') && context.parentURL?.endsWith('.ts')) {
    const exists = (s) => fs.existsSync(fileURLToPath(new URL(s, context.parentURL)));
    const stem = specifier.endsWith('.js') ? specifier.slice(0, -3) : specifier;
    if (!exists(specifier) && exists(stem + '.ts')) return next(new URL(stem + '.ts', context.parentURL).href, context);
  }
  return next(specifier, context);
}
`;

let loaded: Promise<TemplateLib> | undefined;

export function loadTemplateLib(): Promise<TemplateLib> {
  loaded ??= (async () => {
    if (!fs.existsSync(path.join(LIB, 'full-text.ts')))
      throw new Error(`the site template's lib is not at ${LIB}`);
    register(
      `data:text/javascript,${encodeURIComponent(HOOK)}`,
      pathToFileURL(fileURLToPath(import.meta.url)),
    );
    const load = (name: string) =>
      import(pathToFileURL(path.join(LIB, name)).href) as Promise<Record<string, unknown>>;
    const modules = await Promise.all(
      [
        'full-text.ts',
        'document-text.ts',
        'facets.ts',
        'site-view.ts',
        'format.ts',
        'site-feeds.ts',
        'theme.ts',
        '../contract/sections.ts',
      ].map(load),
    );
    // @pbgdpl/domain as the template resolves it (the scripts package does not depend on it).
    const domainFile = createRequire(path.join(LIB, 'format.ts')).resolve('@pbgdpl/domain');
    const domain = (await import(pathToFileURL(domainFile).href)) as TemplateLib['domain'];
    return Object.assign({}, ...modules, { domain }) as TemplateLib;
  })();
  return loaded;
}
