/**
 * Citations to the site's documents: an item cites a law by the CMS's documentId or by its number,
 * and both the pages (the item's "căn cứ" links) and the builder ("được giải thích bởi" on the law's
 * page) resolve them with this one rule, so a link exists on one side exactly when on the other. Pure.
 */
import { citedNumber } from '@pbgdpl/domain';

/** What a site needs of a document to link a citation to it. */
export interface CitableDocument {
  documentId: string;
  number: string;
  path: string;
}

/** Resolves citations to the site's documents: by the CMS's documentId, else by number. */
export function citationResolver(documents: readonly CitableDocument[]) {
  const byId = new Map(documents.map((d) => [d.documentId, d]));
  const byNumber = new Map<string, CitableDocument>();
  for (const d of documents) {
    const key = citedNumber(d.number);
    if (key && !byNumber.has(key)) byNumber.set(key, d);
  }
  return (citation: { citedDocumentId: string | null; documentNumber: string }): CitableDocument | null =>
    (citation.citedDocumentId ? byId.get(citation.citedDocumentId) : undefined) ??
    byNumber.get(citedNumber(citation.documentNumber) ?? '') ??
    null;
}
