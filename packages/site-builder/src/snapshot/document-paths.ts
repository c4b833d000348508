/**
 * The citable path of every document of a run. Paths come from `documentPath` in
 * @pbgdpl/domain; a number the domain cannot parse, or two documents claiming one path, must not
 * stop a whole build, so those get a path by documentId and a warning.
 */
import { documentPath, needsIssuerSegment } from '@pbgdpl/domain';
import type { LegalDocument } from '@pbgdpl/content-client';

type PathInput = Pick<
  LegalDocument,
  'documentId' | 'documentType' | 'issuedDate' | 'number' | 'owningSite' | 'scopeSite'
> &
  Partial<Pick<LegalDocument, 'scope'>>;

/**
 * @returns documentId → path relative to a site's base ("van-ban/luat/2019/45-2019-qh14/").
 *   Decided over the documents sorted by documentId, national ones first, so the same data always
 *   gives the same paths, and a national document's path never depends on which local documents
 *   a run also holds: every site links it at the same path, and the one national search bundle
 *   (search/national-bundle.ts) holds that path.
 */
export function assignDocumentPaths(
  documents: Iterable<PathInput>,
  warn: (message: string) => void,
): Map<string, string> {
  const rank = (doc: PathInput) => (doc.scope === 'national' ? 0 : 1);
  const sorted = [...documents].sort(
    (a, b) => rank(a) - rank(b) || (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0),
  );
  const paths = new Map<string, string>();
  const owner = new Map<string, string>();
  for (const doc of sorted) {
    let path = citablePath(doc, warn);
    const taken = owner.get(path);
    if (taken !== undefined) {
      warn(
        `Documents ${taken} and ${doc.documentId} (${doc.number}) share the path ${path}; the second is published by id.`,
      );
      path = fallbackPath(doc);
    }
    owner.set(path, doc.documentId);
    paths.set(doc.documentId, path);
  }
  return paths;
}

function citablePath(doc: PathInput, warn: (message: string) => void): string {
  try {
    const issuerSymbol = needsIssuerSegment(doc.documentType, doc.number)
      ? (doc.owningSite?.code ?? doc.scopeSite?.code ?? null)
      : null;
    return documentPath({
      documentType: doc.documentType,
      issuedDate: doc.issuedDate,
      number: doc.number,
      issuerSymbol,
    });
  } catch (error) {
    warn(`Document ${doc.documentId} (${doc.number}): ${(error as Error).message} It is published by id.`);
    return fallbackPath(doc);
  }
}

/** "van-ban/id/<documentId>/": stable, unique, and still under the document list. */
function fallbackPath(doc: PathInput): string {
  return `van-ban/id/${doc.documentId}/`;
}
