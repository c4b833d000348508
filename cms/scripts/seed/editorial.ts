import type { Core, UID } from '@strapi/strapi';
import type { Dataset, DocumentRecord } from '@pbgdpl/data-import';
import { editorialSlug, formatVietnameseDate, NATIONAL_SITE_CODE, stableJson } from '@pbgdpl/domain';
import { emptyTally, type Tally } from './upsert';
import type { RegistryIds } from './registry';
import { CONTENT_TYPES } from '../../src/content-types';

/**
 * Demo items for the site sections, made only from the real data (never invented):
 *
 * - introductions (C-2) of new laws of the demo subset, each quoting the law's own Article 1 and
 *   Article 2 word for word from its text and citing them — owned by the national portal, for
 *   every site;
 * - guidance: the 2025 resolutions of the demo subset (each province's commune reorganisation,
 *   the Party's resolution 60-NQ/TW) presented from their metadata only — number, issuer, date,
 *   abstract — each owned by the site it concerns, for it and the sites below it.
 *
 * Q&A, dialogues, materials, videos, situations, books and news have no real source in the data:
 * the seed leaves them empty, and the sites say so. Idempotent: keyed by type, owning site and
 * slug; a second run changes nothing.
 */

/** Laws introduced in the demo, newest first; those missing from the subset are skipped. */
export const INTRODUCED_LAWS = ['06/2022/QH15', '05/2022/QH15', '72/2020/QH14'] as const;

type Blocks = Array<Record<string, unknown>>;

interface Wanted {
  uid: UID.ContentType;
  owner: string;
  slug: string;
  data: Record<string, unknown>;
  /** Attributes that are relations (compared by documentIds) and the citations component. */
  relations: readonly string[];
}

const text = (value: string) => ({ type: 'text', text: value });
const paragraph = (value: string) => ({ type: 'paragraph', children: [text(value)] });
const heading = (value: string) => ({ type: 'heading', level: 2, children: [text(value)] });
const quote = (value: string) => ({ type: 'quote', children: [text(value)] });
const viDate = (date: string) => formatVietnameseDate(date as never);

/** Article 1 and Article 2 of a law's text: their headings and their lines, as printed. */
export function firstTwoArticles(
  fullText: string,
): Array<{ number: string; heading: string; lines: string[] }> | null {
  const match = /^Điều 1\.[^\n]*\n[\s\S]*?(?=^Điều 3\.)/m.exec(fullText);
  if (!match) return null;
  const articles: Array<{ number: string; heading: string; lines: string[] }> = [];
  for (const part of match[0].split(/^(?=Điều 2\.)/m)) {
    const [head, ...rest] = part.trim().split('\n');
    const number = /^Điều (\d+)\./.exec(head ?? '')?.[1];
    if (!number || !head) return null;
    articles.push({ number, heading: head.trim(), lines: rest.map((l) => l.trim()).filter(Boolean) });
  }
  return articles.length === 2 ? articles : null;
}

function introduction(law: DocumentRecord, dataset: Dataset, ids: RegistryIds): Wanted | null {
  const articles = firstTwoArticles(law.fullText);
  const owner = ids.sites.get(NATIONAL_SITE_CODE);
  if (!articles || !owner || !law.effectiveFrom) return null;
  const issuer = dataset.organizations.find((o) => o.code === law.issuerCodes[0])?.name ?? 'Quốc hội';
  const title = `Giới thiệu ${law.title} số ${law.number}`;
  const topics = articles.map((a) => a.heading.replace(/^Điều \d+\.\s*/, '').toLowerCase());
  const body: Blocks = [
    paragraph(
      `${law.title} số ${law.number} được ${issuer} thông qua ngày ${viDate(law.issuedDate)}, có hiệu lực thi hành từ ngày ${viDate(law.effectiveFrom)}.`,
    ),
    paragraph(`Dưới đây là nguyên văn Điều 1 (${topics[0]}) và Điều 2 (${topics[1]}) của Luật.`),
    ...articles.flatMap((a) => [heading(a.heading), ...a.lines.map(quote)]),
  ];
  return {
    uid: CONTENT_TYPES.introduction,
    owner: NATIONAL_SITE_CODE,
    slug: editorialSlug(title),
    relations: ['owningSite', 'fields'],
    data: {
      title,
      slug: editorialSlug(title),
      introductionType: 'new_document',
      summary: `${law.title} số ${law.number} có hiệu lực từ ngày ${viDate(law.effectiveFrom)}. Nguyên văn Điều 1 (${topics[0]}) và Điều 2 (${topics[1]}).`,
      body,
      citations: articles.map((a) => ({ documentNumber: law.number, article: a.number })),
      owningSite: owner,
      fields: law.fieldCodes.map((c) => ids.fields.get(c)).filter((v): v is string => Boolean(v)),
      audience: 'all_sites',
      mandatory: false,
    },
  };
}

function guidance(resolution: DocumentRecord, dataset: Dataset, ids: RegistryIds): Wanted | null {
  const owner = ids.sites.get(resolution.owningSiteCode);
  if (!owner) return null;
  const issuerCode = resolution.issuerCodes[0];
  const issuerName = dataset.organizations.find((o) => o.code === issuerCode)?.name;
  const title = resolution.title.replace(/^Nghị quyết\s+/, `Nghị quyết số ${resolution.number} `);
  const facts = [
    issuerName ? `của ${issuerName}` : null,
    `ban hành ngày ${viDate(resolution.issuedDate)}`,
    resolution.effectiveFrom ? `có hiệu lực từ ngày ${viDate(resolution.effectiveFrom)}` : null,
  ].filter(Boolean);
  const national = resolution.owningSiteCode === NATIONAL_SITE_CODE;
  return {
    uid: CONTENT_TYPES.guidance,
    owner: resolution.owningSiteCode,
    slug: editorialSlug(title),
    relations: ['owningSite', 'fields', 'issuer'],
    data: {
      title,
      slug: editorialSlug(title),
      guidanceType: 'other',
      number: resolution.number,
      issuedDate: resolution.issuedDate,
      issuer: issuerCode ? (ids.organizations.get(issuerCode) ?? null) : null,
      summary: `${resolution.abstract.replace(/\.$/, '')}. Nghị quyết số ${resolution.number} ${facts.join(', ')}.`,
      owningSite: owner,
      fields: resolution.fieldCodes.map((c) => ids.fields.get(c)).filter((v): v is string => Boolean(v)),
      audience: national ? 'all_sites' : 'own_and_descendants',
      mandatory: false,
    },
  };
}

/** The demo's section items, from the dataset (demo subset only; the full seed adds none). */
export function demoItems(dataset: Dataset, ids: RegistryIds): Wanted[] {
  const byNumber = new Map(dataset.documents.map((d) => [d.number, d]));
  const introductions = INTRODUCED_LAWS.flatMap((n) => {
    const law = byNumber.get(n);
    const item = law ? introduction(law, dataset, ids) : null;
    return item ? [item] : [];
  });
  const resolutions = dataset.documents
    .filter(
      (d) =>
        d.issuedDate.startsWith('2025-') &&
        (d.documentType === 'nasc_resolution' || d.documentType === 'party_document'),
    )
    .sort((a, b) => a.number.localeCompare(b.number));
  const guidances = resolutions.flatMap((r) => {
    const item = guidance(r, dataset, ids);
    return item ? [item] : [];
  });
  return [...introductions, ...guidances];
}

type Stored = { documentId: string; slug: string; owningSite: { code: string } | null } & Record<
  string,
  unknown
>;

/** Upserts the demo items (Vietnamese, published); one tally per content type. */
export async function seedEditorialItems(
  strapi: Core.Strapi,
  wanted: readonly Wanted[],
): Promise<Record<string, Tally>> {
  const tallies: Record<string, Tally> = {};
  const stored = new Map<string, Map<string, Stored>>();
  for (const item of wanted) {
    const name = item.uid.split('.').at(-1)!;
    const tally = (tallies[name] ??= emptyTally());
    if (!stored.has(item.uid)) stored.set(item.uid, await loadDrafts(strapi, item.uid, item.relations));
    const existing = stored.get(item.uid)!.get(`${item.owner}|${item.slug}`);
    const documents = strapi.documents(item.uid);
    if (!existing) {
      await documents.create({ locale: 'vi', data: item.data, status: 'published' } as never);
      tally.created += 1;
      continue;
    }
    const changed = Object.keys(item.data).filter(
      (key) => !same(existing[key], item.data[key], key, item.relations),
    );
    if (changed.length === 0) {
      tally.unchanged += 1;
      continue;
    }
    const patch = Object.fromEntries(changed.map((k) => [k, item.data[k]]));
    await documents.update({ documentId: existing.documentId, locale: 'vi', data: patch } as never);
    await documents.publish({ documentId: existing.documentId, locale: 'vi' } as never);
    tally.updated += 1;
  }
  return tallies;
}

async function loadDrafts(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  relations: readonly string[],
): Promise<Map<string, Stored>> {
  const populate: Record<string, unknown> = Object.fromEntries(
    relations.map((r) => [r, { select: ['documentId', ...(r === 'owningSite' ? ['code'] : [])] }]),
  );
  if (uid === CONTENT_TYPES.introduction) populate.citations = true;
  // Drafts hold what the seed (or an editor) last wrote; the seed publishes after each write.
  const rows = (await strapi.db
    .query(uid)
    .findMany({ where: { publishedAt: null, locale: 'vi' }, populate })) as Stored[];
  return new Map(rows.map((row) => [`${row.owningSite?.code ?? ''}|${row.slug}`, row]));
}

/**
 * Whether a stored value is what the seed wants: relations by documentIds, citations by the
 * number and article the seed gave (the CMS adds the document's id, title and the check date),
 * JSON by value, empty values alike.
 */
function same(stored: unknown, wanted: unknown, key: string, relations: readonly string[]): boolean {
  if (key === 'citations') {
    const pick = (list: unknown) =>
      JSON.stringify(
        (Array.isArray(list) ? list : []).map((c: { documentNumber?: string; article?: string | null }) => [
          c.documentNumber,
          c.article ?? null,
        ]),
      );
    return pick(stored) === pick(wanted);
  }
  if (relations.includes(key)) return ids(stored) === ids(wanted);
  return normalise(stored) === normalise(wanted);
}

function ids(value: unknown): string {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return list
    .map((v) => (typeof v === 'string' ? v : (v as { documentId: string }).documentId))
    .sort()
    .join(',');
}

/** PostgreSQL's jsonb reorders object keys ("text" before "type"): compare JSON whatever the order. */
function normalise(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  return typeof value === 'string' ? value : stableJson(value);
}
