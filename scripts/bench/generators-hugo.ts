/**
 * Writes the legal-document pages of a generator snapshot as a Hugo site (`pnpm bench:generators`):
 * the skeleton of scripts/bench/hugo (config and layouts), plus
 *
 *   content/<code>/van-ban/<documentId>.md     one per document page: JSON front matter with the
 *                                              metadata, relations, history; the full text as body
 *                                              when the page shows it whole
 *   content/<code>/toan-van/<documentId>-<n>.md one per text page of a long text: that page's text
 *   content/<code>/van-ban/_index.md           the paginated list van-ban/
 *   content/<taxonomy>/<code>--<slug>/_index.md one per filter value (van-ban/luat/, …/nam/2025/, …)
 *   data/sites/<code>.json, data/labels.json, data/nav.json, data/run.json
 *
 * The pages are the ones the Astro template writes for these routes, decided by the template's own
 * code (generators-template-lib.ts): the same documents per site in the same order, the texts split
 * at the same headings, the same filter values. Hugo renders the text from Markdown (Goldmark) as
 * Astro does from the CMS's text; long laws arrive as one paragraph per line, so their Markdown is
 * the template's paragraphs and headings (with the template's anchors) written back as Markdown.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TemplateLib, TocNode } from './generators-template-lib.ts';

const SKELETON = path.join(import.meta.dirname, 'hugo');

/** What the bench reads of the snapshot (the template's src/contract/snapshot-format.ts). */
interface Summary {
  documentId: string;
  number: string;
  documentType: string;
  title: string;
  issuedDate: string;
  validityStatus: string | null;
  path: string;
}
interface ValidityEvent {
  date: string | null;
  status: string;
  cause: string;
  scheduled?: boolean;
  sourceNumber?: string | null;
  sourceDocumentId?: string;
  affectedPart?: string | null;
}
interface LegalDocument {
  documentId: string;
  number: string;
  documentType: string;
  title: string;
  abstract: string;
  issuers: Array<{ name: string }>;
  fields: Array<{ name: string }>;
  signerTitle: string | null;
  signerName: string | null;
  issuedDate: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  gazetteNumber: string | null;
  gazetteDate: string | null;
  scope: 'national' | 'local';
  scopeSite: { name: string } | null;
  originalFile: { url: string; name: string } | null;
  sourceUrl: string | null;
  validityStatus: string | null;
  validityBasis: string | null;
  validityHistory: ValidityEvent[] | null;
  fullText: string | null;
}
interface SiteSnapshot {
  site: {
    code: string;
    name: string;
    kind: string;
    unitType: string | null;
    basePath: string;
    parent: { name: string; basePath: string } | null;
    theme: { primaryColor: string | null; accentColor: string | null } | null;
    contact: Record<string, string | null> | null;
  };
  children: unknown[];
  documentIds: string[];
  logo?: { file: string } | null;
  explainedBy?: Record<string, Array<{ title: string; url: string; section: string }>>;
}

export interface HugoSiteStats {
  sites: number;
  /** Pages Hugo should write: document pages, text pages, listing pages (with their pagination). */
  expectedPages: number;
  documentPages: number;
  textPages: number;
  listingPages: number;
  contentFiles: number;
  contentBytes: number;
  ms: number;
}

const TAXONOMY: Record<string, string> = {
  type: 'loai',
  status: 'hieuluc',
  field: 'linhvuc',
  issuer: 'coquan',
  year: 'nam',
};

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

/** Writes the Hugo project for `codes` of the snapshot into `dir` (created, must not exist). */
export function writeHugoSite(options: {
  lib: TemplateLib;
  snapshotDir: string;
  codes: readonly string[];
  dir: string;
  /**
   * False (the plain layout): every page's content file carries its text as body, so a national
   * law's text is written, read and rendered once per site. True: each text is one headless page
   * (`content/textes/`, never rendered on its own) that the pages show with `site.GetPage`, so Hugo
   * renders it once for every site — as a Hugo developer would share it, and as the template
   * renders a document's text once per Astro run.
   */
  sharedTexts?: boolean;
}): HugoSiteStats {
  const started = Date.now();
  const { lib, snapshotDir, dir } = options;
  const shared = options.sharedTexts ?? false;
  fs.cpSync(SKELETON, dir, { recursive: true });
  const run = readJson<{ asOf: string; listPageSize: number; mediaBaseUrl?: string; cmsEndpoint: string }>(
    path.join(snapshotDir, 'run.json'),
  );
  const index = readJson<{ documents: Record<string, Summary> }>(
    path.join(snapshotDir, 'documents', 'index.json'),
  ).documents;
  const mediaBase = run.mediaBaseUrl ?? new URL(run.cmsEndpoint).origin;
  const stats: HugoSiteStats = {
    sites: options.codes.length,
    expectedPages: 0,
    documentPages: 0,
    textPages: 0,
    listingPages: 0,
    contentFiles: 0,
    contentBytes: 0,
    ms: 0,
  };
  const write = (relative: string, frontMatter: Record<string, unknown>, body = '') => {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const text = `${JSON.stringify(frontMatter, null, 1)}\n${body}`;
    fs.writeFileSync(file, text);
    stats.contentFiles += 1;
    stats.contentBytes += Buffer.byteLength(text);
  };
  const writeData = (relative: string, value: unknown) => {
    const file = path.join(dir, 'data', relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(value));
  };

  // Shared texts (sharedTexts): written once, named by the pages' front matter `text`.
  const sharedWritten = new Set<string>();
  if (shared)
    write(path.join('content', 'textes', '_index.md'), {
      title: 'Toàn văn',
      _build: { render: 'never', list: 'never' },
    });
  const body = (documentId: string, part: number, markdown: string): { text?: string; body: string } => {
    if (!shared) return { body: markdown };
    const name = `${documentId}-${part}`;
    if (!sharedWritten.has(name)) {
      write(
        path.join('content', 'textes', `${name}.md`),
        { title: name, _build: { render: 'never', list: 'never' } },
        markdown,
      );
      sharedWritten.add(name);
    }
    return { text: `/textes/${name}`, body: '' };
  };

  // Labels the layouts look up (format.ts), the navigation (Base.astro) and the build date.
  const statuses = new Set<string>(['unknown']);
  const types = new Set<string>();
  writeData('run.json', { asOf: run.asOf, asOfVi: lib.viDate(run.asOf) });
  const nav = [
    { key: 'home', path: '', label: 'Trang chủ', compact: true },
    { key: 'documents', path: 'van-ban/', label: 'Văn bản', compact: true },
    {
      key: 'newly-effective',
      path: 'van-ban-moi-co-hieu-luc/',
      label: 'Văn bản mới có hiệu lực',
      more: true,
    },
    ...lib.SECTIONS.map((s) => ({
      key: s.type,
      path: s.path,
      label: s.navLabel,
      compact: s.type === 'qa',
      more: s.type !== 'qa',
    })),
    { key: 'about', path: 'gioi-thieu/', label: 'Giới thiệu', more: true },
    { key: 'search', path: 'tim-kiem/', label: 'Tìm kiếm', compact: true },
  ];
  writeData('nav.json', nav);

  // Each document's text, rendered and split by the template once per run (the same on every site).
  const texts = new Map<
    string,
    {
      markdown: string[];
      inline: boolean;
      toc: TocNode[];
      parts: Array<{ n: number; range: string | null; path: string }>;
      articles: number;
      tocEntries: number;
    }
  >();
  const textOf = (doc: LegalDocument) => {
    let text = texts.get(doc.documentId);
    if (!text) {
      const source = doc.fullText?.normalize('NFC').replace(/\r\n?/g, '\n').trim() ?? '';
      const rendered = lib.documentText(source ? lib.renderFullText(source) : '');
      const plain = source !== '' && lib.detectFormat(source) === 'plain';
      const inline = rendered.inline;
      text = {
        // Markdown sources (converted resolutions) are short and shown whole: given to Hugo as written.
        markdown:
          source === ''
            ? ['']
            : plain
              ? rendered.parts.map((p) => htmlToMarkdown(p.html))
              : inline
                ? [source]
                : splitMarkdown(
                    source,
                    rendered.parts.map((p) => p.first?.text ?? null),
                  ),
        inline,
        toc: inline ? [] : lib.tocTree(rendered.toc),
        parts: inline
          ? []
          : rendered.parts.map((p) => ({ n: p.number, range: p.range, path: lib.textPartPath(p.number) })),
        articles: rendered.toc.filter((e) => e.kind === 'article').length,
        tocEntries: rendered.toc.length,
      };
      if (!inline)
        for (const node of walk(text.toc))
          (node as TocNode & { href?: string }).href = lib.tocHref(rendered, node.entry);
      texts.set(doc.documentId, text);
    }
    return text;
  };

  for (const code of options.codes) {
    const snapshot = readJson<SiteSnapshot>(path.join(snapshotDir, 'sites', `${code}.json`));
    const site = snapshot.site;
    // The site's documents, newest issued first (ties by number): loadSiteDocuments in src/lib/snapshot.ts.
    const documents = snapshot.documentIds
      .map((id) => index[id])
      .filter((d): d is Summary => d !== undefined)
      .sort((a, b) =>
        a.issuedDate < b.issuedDate
          ? 1
          : a.issuedDate > b.issuedDate
            ? -1
            : a.number.localeCompare(b.number, 'vi'),
      );
    const values = lib.facetValues(documents);
    const terms = new Map<string, Record<string, string[]>>();
    const facets = lib.FACETS.filter((f) => values[f.key].length > 0).map((f) => ({
      key: f.key,
      label: f.label,
      taxonomy: TAXONOMY[f.key],
      values: values[f.key].map((v) => {
        const term = `${code}--${v.slug}`.toLowerCase();
        for (const doc of v.documents) {
          const own = terms.get(doc.documentId) ?? {};
          (own[TAXONOMY[f.key]!] ??= []).push(term);
          terms.set(doc.documentId, own);
        }
        write(path.join('content', TAXONOMY[f.key]!, term, '_index.md'), {
          title: v.label,
          url: `${site.basePath}${v.path}`,
          sitecode: code,
          facet: f.key,
          facetLabel: f.label,
          slug: v.slug,
          term,
        });
        return { slug: v.slug, label: v.label, path: v.path, term };
      }),
    }));
    writeData(`sites/${code}.json`, {
      name: site.name,
      kindLabel: site.unitType ?? lib.siteKindLabel(site.kind),
      basePath: site.basePath,
      colors: lib.siteColors(site.theme),
      parent: site.parent ? { name: site.parent.name, basePath: site.parent.basePath } : null,
      children: snapshot.children.length,
      contact: site.contact,
      logo: snapshot.logo?.file ?? null,
      feeds: lib.feedLinks(site),
      facets,
    });
    write(path.join('content', code, '_index.md'), {
      title: site.name,
      sitecode: code,
      _build: { render: 'never' },
    });
    write(path.join('content', code, 'van-ban', '_index.md'), { title: 'Văn bản pháp luật', sitecode: code });
    stats.listingPages += lib.listingPages(documents, run.listPageSize).length;

    documents.forEach((summary, i) => {
      const { document: doc, relations } = readJson<{ document: LegalDocument; relations: unknown[] }>(
        path.join(snapshotDir, 'documents', `${summary.documentId}.json`),
      );
      const text = textOf(doc);
      types.add(doc.documentType);
      statuses.add(doc.validityStatus ?? 'unknown');
      const history = doc.validityHistory ?? [];
      for (const event of history) statuses.add(event.status);
      const endedBy = history.find((e) => e.status === 'expired' && e.date && !e.scheduled && e.sourceNumber);
      const url = `${site.basePath}${summary.path}`;
      const inlineText = text.inline ? body(doc.documentId, 1, text.markdown[0]!) : { body: '' };
      write(
        path.join('content', code, 'van-ban', `${doc.documentId}.md`),
        {
          title: doc.title,
          url,
          layout: 'document',
          weight: i + 1,
          date: doc.issuedDate,
          sitecode: code,
          documentId: doc.documentId,
          number: doc.number,
          documentType: doc.documentType,
          abstract: doc.abstract,
          issuers: doc.issuers.map((x) => x.name),
          signer: [doc.signerTitle, doc.signerName].filter(Boolean).join(' '),
          issuedDate: doc.issuedDate,
          effectiveFrom: doc.effectiveFrom,
          effectiveTo: doc.effectiveTo,
          endedBy: endedBy ? { date: endedBy.date, number: endedBy.sourceNumber } : null,
          gazette:
            doc.gazetteNumber || doc.gazetteDate
              ? [
                  doc.gazetteNumber && `Số ${doc.gazetteNumber}`,
                  doc.gazetteDate && `ngày ${lib.viDate(doc.gazetteDate)}`,
                ]
                  .filter(Boolean)
                  .join(', ')
              : null,
          scope: doc.scope,
          scopeSiteName: doc.scopeSite?.name ?? null,
          fields: doc.fields.map((x) => x.name),
          validityStatus: doc.validityStatus,
          validityBasis: doc.validityBasis,
          basisText: lib.basisExplanation(
            doc,
            history.some((e) => e.cause === 'relation'),
          ),
          history: history.map((e) => ({
            date: e.date,
            status: e.status,
            scheduled: e.scheduled ?? false,
            cause: e.cause,
            causeText: lib.historyCause(e),
            sourceNumber: e.sourceNumber ?? null,
            sourceDocumentId: e.sourceDocumentId ?? null,
            affectedPart: e.affectedPart ?? null,
          })),
          relations: lib.relationViews(doc.documentId, relations).map((v) => ({
            ...v,
            otherTitle: v.otherDocumentId ? (index[v.otherDocumentId]?.title ?? null) : null,
          })),
          explainedBy: snapshot.explainedBy?.[doc.documentId] ?? [],
          originalFile: doc.originalFile
            ? { url: new URL(doc.originalFile.url, mediaBase).toString(), name: doc.originalFile.name }
            : null,
          sourceUrl: doc.sourceUrl,
          articles: text.articles,
          tocEntries: text.tocEntries,
          textParts: text.parts,
          toc: flatToc(text.toc),
          ...terms.get(doc.documentId),
          ...(inlineText.text ? { text: inlineText.text } : {}),
        },
        inlineText.body,
      );
      stats.documentPages += 1;
      for (const part of text.parts) {
        const partText = body(doc.documentId, part.n, text.markdown[part.n - 1]!);
        write(
          path.join('content', code, 'toan-van', `${doc.documentId}-${part.n}.md`),
          {
            title: doc.title,
            url: `${url}${part.path}`,
            layout: 'text',
            sitecode: code,
            documentId: doc.documentId,
            number: doc.number,
            documentType: doc.documentType,
            validityStatus: doc.validityStatus,
            docPath: url,
            part: part.n,
            textParts: text.parts,
            ...(partText.text ? { text: partText.text } : {}),
          },
          partText.body,
        );
        stats.textPages += 1;
      }
    });
  }
  writeData('labels.json', {
    types: Object.fromEntries([...types].map((t) => [t, lib.documentTypeLabel(t)])),
    statuses: Object.fromEntries(
      [...statuses].map((s) => [s, lib.validityLabel(s === 'unknown' ? null : s)]),
    ),
    legalForce: lib.domain.VALIDITY_LEGAL_FORCE,
  });
  stats.expectedPages = stats.documentPages + stats.textPages + stats.listingPages;
  stats.ms = Date.now() - started;
  return stats;
}

function* walk(nodes: TocNode[]): Generator<TocNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}

/** The contents tree in document order, each entry with its depth (the layout nests the lists). */
function flatToc(
  nodes: TocNode[],
  depth = 0,
): Array<{ kind: string; text: string; href: string; depth: number }> {
  return nodes.flatMap((node) => [
    { kind: node.entry.kind, text: node.entry.text, href: (node as TocNode & { href: string }).href, depth },
    ...flatToc(node.children, depth + 1),
  ]);
}

/**
 * A long Markdown text cut where the template cut its rendering: before the line that prints each
 * page's first heading ("**Điều 5. …**" or "# Điều 5. …"). A heading not found leaves the rest on
 * the page before (the page count stays the template's).
 */
function splitMarkdown(source: string, firstHeadings: Array<string | null>): string[] {
  const lines = source.split('\n');
  const plainLine = (line: string) =>
    line
      .replace(/^#+\s*/, '')
      .replace(/^\*\*(.*?)\\?\*\*\s*$/, '$1')
      .trim();
  const cuts = [0];
  for (const heading of firstHeadings.slice(1)) {
    const from = cuts.at(-1)!;
    const at = heading === null ? -1 : lines.findIndex((line, i) => i > from && plainLine(line) === heading);
    cuts.push(at === -1 ? from : at);
  }
  return cuts.map(
    (start, i) =>
      `${lines.slice(start, i + 1 < cuts.length ? Math.max(start, cuts[i + 1]!) : lines.length).join('\n')}\n`,
  );
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** Text as Markdown that Goldmark prints as the same characters (no emphasis, link, HTML, list). */
function markdownText(html: string): string {
  return html
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e)
    .replace(/[\\`*_[\]<>&~|{}]/g, (c) => `\\${c}`)
    .replace(
      /^(\s*)([#+=-]|\d+[.)])/,
      (_m, space: string, mark: string) => `${space}${mark.replace(/([#+=.)-])$/, '\\$1')}`,
    );
}

/**
 * The template's rendering of a text given as one paragraph per line (src/lib/full-text.ts
 * renderPlainText: `<p>` and `<h3>`–`<h6>` with anchors, one per line) written as Markdown with
 * the same headings and anchors (`### Điều 1. … {#dieu-1}`).
 */
export function htmlToMarkdown(html: string): string {
  const out: string[] = [];
  for (const line of html.split('\n')) {
    const heading = /^<h([3-6])(?: id="([^"]+)")?>(.*)<\/h\1>$/.exec(line);
    if (heading) {
      out.push(
        `${'#'.repeat(Number(heading[1]))} ${markdownText(heading[3]!)}${heading[2] ? ` {#${heading[2]}}` : ''}`,
      );
      continue;
    }
    const paragraph = /^<p>(.*)<\/p>$/.exec(line);
    if (paragraph) out.push(markdownText(paragraph[1]!));
    else throw new Error(`bench: unexpected line in a plain text's rendering: ${line.slice(0, 120)}`);
  }
  return `${out.join('\n\n')}\n`;
}
