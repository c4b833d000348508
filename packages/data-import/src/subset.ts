/**
 * The demo subset: enough to show every kind of page (national, ministry, province, commune;
 * a local resolution, a Party document, recent laws) while seeding in seconds.
 */
import { NATIONAL_SITE_CODE } from '@pbgdpl/domain';
import type { Dataset, RelationRecord, SiteRecord } from './records.js';
import type { SourcedDocument } from './sourced.js';

export const DEMO_SELECTION = {
  /** The Ministry of Justice runs the national portal; Education shows a second ministry. */
  ministries: ['bo-tu-phap', 'bo-giao-duc-va-dao-tao'],
  /** The two largest cities and a merged Mekong province (An Giang + Kiên Giang). */
  provinces: ['ha-noi', 'ho-chi-minh', 'an-giang'],
  /** The first communes of each chosen province, by official code. */
  communesPerProvince: 3,
  /** The newest laws by issued date. */
  laws: 40,
  /** National documents always included. */
  documents: ['60-NQ/TW'],
} as const;

export function selectDemo(
  full: Omit<Dataset, 'documents' | 'relations'>,
  documents: readonly SourcedDocument[],
  relations: readonly RelationRecord[],
): Dataset {
  const chosen = new Set<string>([
    NATIONAL_SITE_CODE,
    ...DEMO_SELECTION.ministries,
    ...DEMO_SELECTION.provinces,
  ]);
  const communeCounts = new Map<string, number>();
  // full.sites lists communes by ascending admin code within each province.
  for (const site of full.sites) {
    if (site.kind !== 'commune' || !site.parentCode || !chosen.has(site.parentCode)) continue;
    const count = communeCounts.get(site.parentCode) ?? 0;
    if (count < DEMO_SELECTION.communesPerProvince) {
      chosen.add(site.code);
      communeCounts.set(site.parentCode, count + 1);
    }
  }
  const sites: SiteRecord[] = full.sites.filter((site) => chosen.has(site.code));

  const newestLaws = documents
    .filter((document) => document.origin === 'laws')
    .sort(
      (a, b) =>
        b.record.issuedDate.localeCompare(a.record.issuedDate) ||
        a.record.number.localeCompare(b.record.number),
    )
    .slice(0, DEMO_SELECTION.laws);
  // The laws those newest laws replace or annul come too, so the demo shows a document that is
  // no longer (wholly or partly) in force, with the law that ended it.
  const newestNumbers = new Set(newestLaws.map((document) => document.record.number));
  const endedByNewest = new Set(
    relations
      .filter((r) => newestNumbers.has(r.sourceNumber) && (r.kind === 'replaces' || r.kind === 'annuls'))
      .map((r) => r.targetNumber),
  );
  const selected = documents.filter(
    (document) =>
      (document.origin === 'resolutions' &&
        document.record.scope === 'local' &&
        chosen.has(document.record.owningSiteCode)) ||
      (DEMO_SELECTION.documents as readonly string[]).includes(document.record.number) ||
      newestLaws.includes(document) ||
      (document.origin === 'laws' && endedByNewest.has(document.record.number)),
  );
  const records = selected.map((document) => document.record);

  const organizationCodes = new Set([
    ...sites.flatMap((site) => (site.organizationCode ? [site.organizationCode] : [])),
    ...records.flatMap((record) => record.issuerCodes),
  ]);
  const fieldCodes = new Set(records.flatMap((record) => record.fieldCodes));
  // A relation belongs to its acting document; its target counts as in the dataset only if the
  // demo seeds it, so a seed links exactly the targets it creates and names the others by title.
  const numbers = new Set(records.map((record) => record.number));
  const kept = relations
    .filter((relation) => numbers.has(relation.sourceNumber))
    .map((relation) => ({ ...relation, targetInDataset: numbers.has(relation.targetNumber) }));
  return {
    sites,
    organizations: full.organizations.filter((organization) => organizationCodes.has(organization.code)),
    fields: full.fields.filter((field) => fieldCodes.has(field.code)),
    documents: records,
    relations: kept,
    report: full.report,
  };
}
