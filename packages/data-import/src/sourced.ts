import { safeParseDocumentNumber } from '@pbgdpl/domain';
import type { FieldRegistry } from './fields.js';
import type { IssueLog } from './issues.js';
import type { IssuerDirectory } from './organizations.js';
import type { DocumentRecord, OrganizationCategory } from './records.js';

/** A document with where it came from, kept until duplicates are settled and the subset chosen. */
export interface SourcedDocument {
  record: DocumentRecord;
  /** ImportIssue source of the record ("<file>:<line or id>"). */
  source: string;
  origin: 'resolutions' | 'laws';
}

/** What the document readers share: the report and the registries they add to. */
export interface ReadContext {
  issues: IssueLog;
  issuers: IssuerDirectory;
  fields: FieldRegistry;
}

/** Resolves an issuer name and returns its organization, for type mapping. */
export function issuerOf(
  context: ReadContext,
  name: string,
  source: string,
): { code: string; category: OrganizationCategory } {
  const code = context.issuers.resolve(name, source, context.issues);
  const organization = context.issuers.get(code)!;
  return { code, category: organization.category };
}

/**
 * The domain's canonical spelling of a number, which citable URLs are built from. A number the
 * domain cannot parse is kept as printed and reported: its document gets no citable URL.
 */
export function canonicalNumber(context: ReadContext, number: string, source: string): string {
  const parsed = safeParseDocumentNumber(number);
  if (parsed.ok) return parsed.value.normalized;
  context.issues.warn(
    source,
    'number',
    `"${number}" is not a valid document number for @pbgdpl/domain (problem: ${parsed.error.problem}); kept as printed, so it gets no citable URL.`,
  );
  return number;
}
