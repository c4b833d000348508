/**
 * A national-scale corpus derived from the real one: every synthetic document takes its title and
 * abstract from a real document (`@pbgdpl/data-import`) and gets its own number, dates, owning
 * site, scope and type, spread over the real registry of sites. Deterministic for a given seed.
 * Pure: no I/O (bench-database.ts writes the rows).
 */
import type { DocumentRecord } from '@pbgdpl/data-import';

/** A site of the registry as the database holds it. */
export interface RegistrySite {
  id: number;
  code: string;
  name: string;
  kind: string;
}

export interface SyntheticDocument {
  documentId: string;
  number: string;
  documentType: string;
  title: string;
  abstract: string;
  fullText: string;
  issuedDate: string;
  effectiveFrom: string | null;
  scope: 'national' | 'local';
  validityStatus: string;
  owningSiteId: number;
  /** Local documents only: the site whose territory they apply to (here, the owner). */
  scopeSiteId: number | null;
  issuerIds: number[];
  fieldIds: number[];
}

export interface SyntheticRelation {
  documentId: string;
  kind: string;
  source: SyntheticDocument;
  target: SyntheticDocument;
  partial: boolean;
  effectiveDate: string | null;
}

export interface CorpusInput {
  templates: readonly DocumentRecord[];
  sites: readonly RegistrySite[];
  organizationIds: readonly number[];
  fieldIds: readonly number[];
  documents: number;
  relations: number;
  seed?: number;
  /**
   * Characters of the template's real full text each document stores (its beginning); default:
   * the abstract cut at 600 characters, as the listing benches need no more.
   */
  fullTextChars?: number;
}

/**
 * Shares of the corpus: most documents in a national corpus are local (34 provinces and 3,321
 * communes each issue their own), a minority national.
 */
const SHARE_NATIONAL = 0.2;
const SHARE_PROVINCE = 0.3;

/** Number suffixes by issuing level, so every synthetic number passes the domain's format. */
const NATIONAL_TYPES = [
  { type: 'law', suffix: 'QH15' },
  { type: 'decree', suffix: 'NĐ-CP' },
  { type: 'pm_decision', suffix: 'QĐ-TTg' },
  { type: 'circular', suffix: 'TT-BTP' },
  { type: 'government_resolution', suffix: 'NQ-CP' },
] as const;
const PROVINCE_TYPES = [
  { type: 'provincial_council_resolution', suffix: 'NQ-HĐND' },
  { type: 'provincial_committee_decision', suffix: 'QĐ-UBND' },
] as const;
const COMMUNE_TYPES = [
  { type: 'commune_council_resolution', suffix: 'NQ-HĐND' },
  { type: 'commune_committee_decision', suffix: 'QĐ-UBND' },
] as const;

/** Relation kinds in rough proportion to what legal databases record. */
const RELATION_KINDS = [
  'based_on',
  'based_on',
  'based_on',
  'guides',
  'guides',
  'details',
  'amends',
  'amends',
  'replaces',
  'annuls',
] as const;

/** mulberry32: a tiny seeded PRNG, so two runs generate the same corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @throws {Error} when the registry lacks a national portal, provinces or communes, or there are
 *   no templates: the corpus would not look like the federation's.
 */
export function generateCorpus(input: CorpusInput): {
  documents: SyntheticDocument[];
  relations: SyntheticRelation[];
} {
  const random = seededRandom(input.seed ?? 20261128);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const byKind = (kind: string) => input.sites.filter((s) => s.kind === kind);
  const national = byKind('national').concat(byKind('ministry'), byKind('ministry_agency'));
  const provinces = byKind('province');
  const communes = byKind('commune');
  if (!national.length || !provinces.length || !communes.length || !input.templates.length) {
    throw new Error(
      `The bench needs the real registry and documents: found ${national.length} central sites, ` +
        `${provinces.length} provinces, ${communes.length} communes, ${input.templates.length} templates. ` +
        'Seed the bench database with `node cms/dist/scripts/seed.js --subset full` first.',
    );
  }
  const ordinals = new Map<string, number>();
  const documentId = syntheticIds(random);

  const documents: SyntheticDocument[] = [];
  for (let i = 0; i < input.documents; i++) {
    const template = input.templates[i % input.templates.length]!;
    const roll = random();
    const level =
      roll < SHARE_NATIONAL ? 'national' : roll < SHARE_NATIONAL + SHARE_PROVINCE ? 'province' : 'commune';
    const owner = pick(level === 'national' ? national : level === 'province' ? provinces : communes);
    documents.push(
      syntheticDocument({
        template,
        level,
        owner,
        random,
        ordinals,
        documentId,
        organizationIds: input.organizationIds,
        fieldIds: input.fieldIds,
        fullText:
          input.fullTextChars && template.fullText
            ? template.fullText.slice(0, input.fullTextChars)
            : undefined,
      }),
    );
  }

  // A document acts on an older one: sort by date, then draw a source and an earlier target.
  const chronological = [...documents].sort((a, b) => a.issuedDate.localeCompare(b.issuedDate));
  const relations: SyntheticRelation[] = [];
  for (let i = 0; i < input.relations; i++) {
    const s = 1 + Math.floor(random() * (chronological.length - 1));
    const source = chronological[s]!;
    const target = chronological[Math.floor(random() * s)]!;
    const kind = pick(RELATION_KINDS);
    const partial = kind === 'amends' || (kind === 'annuls' && random() < 0.5);
    if ((kind === 'replaces' || kind === 'annuls') && !partial) target.validityStatus = 'expired';
    else if (partial && target.validityStatus === 'in_force') target.validityStatus = 'partly_expired';
    relations.push({
      documentId: documentId(),
      kind,
      source,
      target,
      partial,
      effectiveDate: source.effectiveFrom,
    });
  }
  return { documents, relations };
}

/** A generator of Strapi-like document ids (24 base-36 characters) drawn from `random`. */
export function syntheticIds(random: () => number): () => string {
  return () => {
    let id = '';
    while (id.length < 24) id += Math.floor(random() * 36).toString(36);
    return id;
  };
}

export interface SyntheticDocumentInput {
  /** The real document whose title and abstract (and, when `fullText` is absent, text) it takes. */
  template: DocumentRecord;
  level: 'national' | 'province' | 'commune';
  /** The owning site (for a local document also the site whose territory it applies to). */
  owner: RegistrySite;
  random: () => number;
  /** Per level, type and year: the last ordinal given, so numbers never repeat within a run. */
  ordinals: Map<string, number>;
  documentId: () => string;
  organizationIds: readonly number[];
  fieldIds: readonly number[];
  /** The full text stored; default the template's abstract cut at 600 characters. */
  fullText?: string;
}

/**
 * One synthetic document: the template's title (local ones suffixed "trên địa bàn <site>") and
 * abstract, a type and number of its level, dates issued 1995–2026 and effective 10–180 days later
 * (5 % without), one field, one issuer for national ones.
 */
export function syntheticDocument(input: SyntheticDocumentInput): SyntheticDocument {
  const { random, template, owner, level } = input;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const today = Date.UTC(2026, 10, 28);
  const kinds: ReadonlyArray<{ type: string; suffix: string }> =
    level === 'national' ? NATIONAL_TYPES : level === 'province' ? PROVINCE_TYPES : COMMUNE_TYPES;
  const kind = pick(kinds);
  const issued = Date.UTC(1995, 0, 1) + Math.floor(random() * (today - Date.UTC(1995, 0, 1)));
  const year = new Date(issued).getUTCFullYear();
  // Ordinals restart each year. Counted per level rather than per issuer: the synthetic corpus
  // gives a commune less than one document a year, and per-issuer counters would make nearly
  // every number "1/<year>/…", an ordering no real corpus has.
  const key = `${level}|${kind.suffix}|${year}`;
  const ordinal = (input.ordinals.get(key) ?? 0) + 1;
  input.ordinals.set(key, ordinal);
  const effective = random() < 0.95 ? issued + (10 + Math.floor(random() * 170)) * 86_400_000 : null;
  const local = level !== 'national';
  const title = local ? `${template.title} trên địa bàn ${owner.name}` : template.title;
  return {
    documentId: input.documentId(),
    number: `${ordinal}/${year}/${kind.suffix}`,
    documentType: kind.type,
    // Strapi stores a string attribute as varchar(255), whatever its maxLength.
    title: title.slice(0, 255),
    abstract: template.abstract.slice(0, 4000),
    fullText: input.fullText ?? template.abstract.slice(0, 600),
    issuedDate: isoDate(issued),
    effectiveFrom: effective === null ? null : isoDate(effective),
    scope: local ? 'local' : 'national',
    validityStatus: effective !== null && effective > today ? 'not_yet_in_force' : 'in_force',
    owningSiteId: owner.id,
    scopeSiteId: local ? owner.id : null,
    issuerIds: local || !input.organizationIds.length ? [] : [pick(input.organizationIds)],
    fieldIds: input.fieldIds.length ? [pick(input.fieldIds)] : [],
  };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
