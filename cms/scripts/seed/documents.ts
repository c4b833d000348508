import type { Core } from '@strapi/strapi';
import type { DocumentRecord } from '@pbgdpl/data-import';
import { differs, emptyTally, type Tally } from './upsert';
import { progress } from './progress';
import type { RegistryIds } from './registry';
import { CONTENT_TYPES } from '../../src/content-types';

const UID = CONTENT_TYPES.legalDocument;
const RELATIONS = ['issuers', 'fields', 'owningSite', 'scopeSite'] as const;

type StoredDocument = { documentId: string; number: string; locale: string } & Record<string, unknown>;

/**
 * Upserts the legal documents in Vietnamese (published) and, where the data has an English
 * title, their English localization. Keyed by document number within the owning site.
 */
export async function seedDocuments(
  strapi: Core.Strapi,
  records: readonly DocumentRecord[],
  ids: RegistryIds,
): Promise<{ vi: Tally; en: Tally }> {
  const tallies = { vi: emptyTally(), en: emptyTally() };
  const stored = await loadDocuments(strapi);
  const bar = progress('Văn bản (legal documents)', records.length);
  for (const record of records) {
    const key = documentKey(record.number, record.owningSiteCode);
    const vi = stored.get(`${key}|vi`);
    const documentId = await upsertLocale(strapi, vi, 'vi', viData(record, ids), tallies.vi);
    if (record.titleEn) {
      const en = stored.get(`${key}|en`);
      await upsertLocale(
        strapi,
        en ?? { documentId, locale: 'en', number: record.number },
        'en',
        enData(record),
        tallies.en,
        !en,
      );
    }
    bar.tick();
  }
  bar.done();
  return tallies;
}

export function documentKey(number: string, owningSiteCode: string): string {
  return `${number.normalize('NFC').trim()}@${owningSiteCode}`;
}

async function loadDocuments(strapi: Core.Strapi): Promise<Map<string, StoredDocument>> {
  const populate = {
    ...Object.fromEntries(RELATIONS.map((r) => [r, { select: ['documentId'] }])),
    owningSite: { select: ['documentId', 'code'] },
  };
  // Drafts hold what editors (and the seed) last wrote; the seed publishes after each write.
  const rows = (await strapi.db
    .query(UID)
    .findMany({ where: { publishedAt: null }, populate })) as StoredDocument[];
  const map = new Map<string, StoredDocument>();
  for (const row of rows) {
    const owner = (row.owningSite as { code?: string } | null)?.code ?? '';
    map.set(`${documentKey(row.number, owner)}|${row.locale}`, row);
  }
  return map;
}

function viData(record: DocumentRecord, ids: RegistryIds): Record<string, unknown> {
  const site = (code: string | null) => (code ? (ids.sites.get(code) ?? null) : null);
  return {
    number: record.number,
    documentType: record.documentType,
    title: record.title,
    abstract: record.abstract,
    fullText: record.fullText,
    signerTitle: record.signerTitle,
    signerName: record.signerName,
    issuedDate: record.issuedDate,
    effectiveFrom: record.effectiveFrom,
    effectiveTo: record.effectiveTo,
    scope: record.scope,
    sourceUrl: record.sourceUrl,
    declaredStatus: record.declaredStatus,
    declaredStatusSource: record.declaredStatusSource,
    declaredStatusAsOf: record.declaredStatusAsOf,
    issuers: record.issuerCodes.map((c) => ids.organizations.get(c)).filter((v): v is string => Boolean(v)),
    fields: record.fieldCodes.map((c) => ids.fields.get(c)).filter((v): v is string => Boolean(v)),
    owningSite: site(record.owningSiteCode),
    scopeSite: site(record.scopeSiteCode),
  };
}

/** The English localization carries only translated text; facts come from the `vi` row. */
function enData(record: DocumentRecord): Record<string, unknown> {
  return { title: record.titleEn, abstract: record.titleEn };
}

async function upsertLocale(
  strapi: Core.Strapi,
  existing: StoredDocument | undefined,
  locale: 'vi' | 'en',
  data: Record<string, unknown>,
  tally: Tally,
  isNewLocale = false,
): Promise<string> {
  const documents = strapi.documents(UID);
  if (!existing) {
    const created = (await documents.create({ locale, data, status: 'published' } as never)) as {
      documentId: string;
    };
    tally.created += 1;
    return created.documentId;
  }
  const changed = isNewLocale ? Object.keys(data) : differs(existing, data, RELATIONS);
  if (changed.length === 0) {
    tally.unchanged += 1;
    return existing.documentId;
  }
  const patch = Object.fromEntries(changed.map((k) => [k, data[k]]));
  await documents.update({ documentId: existing.documentId, locale, data: patch } as never);
  await documents.publish({ documentId: existing.documentId, locale } as never);
  tally[isNewLocale ? 'created' : 'updated'] += 1;
  return existing.documentId;
}
