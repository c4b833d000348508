/**
 * Which editorial items each site shows, at which path, and what follows from it ("explained by"
 * links on document pages, the open dialogues of the home page, the lists' summaries). Pure: the
 * fetched items and the registry in, plain data out (fetch-items.ts does the I/O). Placement is
 * the federation's rule (`placementOnSite` in @pbgdpl/domain): a site shows its own items and
 * those whose audience reaches it, unless it opted out of all their fields and they are not
 * mandatory. An item the site adopted (api::site-adoption) carries the adoption on its ref: the
 * home page puts it first when pinned, its page shows the unit's local note above the original.
 */
import {
  adoptedType,
  type EditorialItem,
  type Site,
  type SiteAdoption,
  type SiteRef,
} from '@pbgdpl/content-client';
import {
  CITING_TYPES,
  EDITORIAL_TYPES,
  advanceDialogueStatus,
  indexRegistry,
  joinBase,
  placementOnSite,
  type EditorialType,
  type RegistrySite,
  type SiteKind,
  type SyndicationContext,
} from '@pbgdpl/domain';
import { citationResolver, type CitableDocument } from '@pbgdpl/site-template/citations';
import { itemDate, vietnamDay } from '@pbgdpl/site-template/item-dates';
import { SECTION_BY_TYPE, itemSegment, ownItemPath } from '@pbgdpl/site-template/sections';
import type {
  AdoptionNote,
  ExplanationLink,
  ItemSummary,
  OpenDialogueLink,
  SiteItemRef,
} from '@pbgdpl/site-template/snapshot-format';

/** Every fetched item of the run, by type and documentId (own and syndicated alike). */
export type ItemsByType = { [T in EditorialType]?: Map<string, EditorialItem<T>> };

export interface SitePlacement {
  sections: Partial<Record<EditorialType, SiteItemRef[]>>;
  explainedBy: Record<string, ExplanationLink[]>;
  openDialogues: OpenDialogueLink[];
}

export interface PlaceItemsInput {
  /** The sites being built. */
  sites: readonly Site[];
  /**
   * Every site the rules may need: the built ones, their ancestors and the items' owners (for
   * --all, the whole registry). Owners missing from it place nothing on other sites.
   */
  registry: readonly Site[];
  items: ItemsByType;
  /** The documents each built site shows, for citations and "explained by" (by site code). */
  siteDocuments: (code: string) => readonly CitableDocument[];
  /** The fetch time: a dialogue's phase moves forward by its dates up to now. */
  now: Date;
  /** The built sites' adoptions (content-client `listSiteAdoptions`); none when absent. */
  adoptions?: readonly SiteAdoption[];
}

/** The phase a dialogue shows: its stored one, moved forward by its dates (never back). */
export function dialoguePhase(item: EditorialItem<'dialogue'>, now: Date): string {
  return advanceDialogueStatus(item.phase, item, now);
}

/** Places the run's items on each built site. */
export function placeItems(input: PlaceItemsInput): Map<string, SitePlacement> {
  const context = syndicationContext(input.registry, input.items);
  const byCode = new Map(input.registry.map((s) => [s.code, s]));
  const adopted = adoptionsBySite(input.adoptions ?? []);
  const placements = new Map<string, SitePlacement>();
  for (const site of input.sites) {
    const sections: SitePlacement['sections'] = {};
    for (const type of EDITORIAL_TYPES) {
      const adoptions = adopted.get(`${site.code}|${type}`) ?? new Map<string, AdoptionNote>();
      const refs = placeType(type, site, input.items[type], context, byCode, adoptions);
      if (refs.length > 0) sections[type] = refs;
    }
    placements.set(site.code, {
      sections,
      explainedBy: explainedBy(site, sections, input.items, input.siteDocuments(site.code)),
      openDialogues: openDialogues(site, sections.dialogue ?? [], input.items.dialogue, input.now),
    });
  }
  return placements;
}

/**
 * Adoptions by `site|type`, then by the adopted item's documentId. A site adopting the same item
 * twice keeps the pinned one with the smallest position.
 */
function adoptionsBySite(adoptions: readonly SiteAdoption[]): Map<string, Map<string, AdoptionNote>> {
  const out = new Map<string, Map<string, AdoptionNote>>();
  for (const adoption of adoptions) {
    const type = adoptedType(adoption.targetType);
    const site = adoption.owningSite?.code;
    if (!type || !site) continue;
    const note: AdoptionNote = {
      pinned: adoption.pinnedOnHome !== false,
      position: adoption.position ?? null,
      noteTitle: adoption.localNoteTitle?.trim() || null,
      note: Array.isArray(adoption.localNote) && adoption.localNote.length > 0 ? adoption.localNote : null,
    };
    const key = `${site}|${type}`;
    const byItem = out.get(key) ?? new Map<string, AdoptionNote>();
    const kept = byItem.get(adoption.targetDocumentId);
    if (!kept || pinnedOrder(note, kept) < 0) byItem.set(adoption.targetDocumentId, note);
    out.set(key, byItem);
  }
  return out;
}

/** Pinned before unpinned, then by position (none last). */
function pinnedOrder(a: AdoptionNote, b: AdoptionNote): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  return (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER);
}

function syndicationContext(registry: readonly Site[], items: ItemsByType): SyndicationContext {
  const sites: RegistrySite[] = registry.map((s) => ({
    id: s.code,
    kind: s.kind,
    parentId: s.parent?.code ?? null,
    enabled: s.enabled,
  }));
  const optedOut = new Map(registry.map((s) => [s.code, (s.optedOutFields ?? []).map((f) => f.code)]));
  const fieldParents = new Map<string, string>();
  for (const type of EDITORIAL_TYPES) {
    for (const item of items[type]?.values() ?? []) {
      for (const field of item.fields)
        if (field.parent?.code) fieldParents.set(field.code, field.parent.code);
    }
  }
  return {
    registry: indexRegistry(sites),
    optedOutFieldIds: (code) => optedOut.get(code) ?? [],
    fieldParentOf: (code) => fieldParents.get(code) ?? null,
  };
}

const SITE_KINDS = new Set<string>([
  'national',
  'ministry',
  'ministry_agency',
  'government_agency',
  'central_body',
  'mass_organisation',
  'province',
  'commune',
]);

/** `audienceSiteKinds` is free JSON in the CMS: keep the known kinds of a list, drop the rest. */
function siteKinds(value: unknown): SiteKind[] {
  return Array.isArray(value)
    ? value.filter((v): v is SiteKind => typeof v === 'string' && SITE_KINDS.has(v))
    : [];
}

function placeType<T extends EditorialType>(
  type: T,
  site: Site,
  items: Map<string, EditorialItem<T>> | undefined,
  context: SyndicationContext,
  byCode: ReadonlyMap<string, Site>,
  adoptions: ReadonlyMap<string, AdoptionNote>,
): SiteItemRef[] {
  const own: Array<EditorialItem<T>> = [];
  const syndicated: Array<EditorialItem<T>> = [];
  for (const item of items?.values() ?? []) {
    const placement = placementOnSite(
      {
        owningSiteId: item.owningSite?.code ?? null,
        audience: item.audience,
        audienceSiteKinds: siteKinds(item.audienceSiteKinds),
        audienceProvinceIds: (item.audienceProvinces ?? []).map((p) => p.code),
        mandatory: item.mandatory === true,
        fieldIds: item.fields.map((f) => f.code),
      },
      site.code,
      context,
    );
    if (placement.appears) (placement.as === 'own' ? own : syndicated).push(item);
    // The site chose this item itself: its own opt-out of the item's fields does not hide it
    // (the CMS refuses adopting an opted-out item; this covers an opt-out made afterwards). An
    // item whose audience no longer reaches the site stays hidden: that is the owner's decision.
    else if (placement.why === 'opted_out' && adoptions.has(item.documentId)) syndicated.push(item);
  }
  // Own items keep their slug; a syndicated item whose segment is taken gets its owner's code.
  const taken = new Set<string>();
  const refs = new Map<string, SiteItemRef>();
  for (const item of own) {
    const segment = unique(itemSegment(type, item), item.documentId, taken);
    refs.set(item.documentId, {
      documentId: item.documentId,
      path: `${SECTION_BY_TYPE[type].path}${segment}/`,
      source: null,
    });
  }
  for (const item of syndicated) {
    const base = itemSegment(type, item);
    const segment = unique(
      taken.has(base) ? `${base}-${item.owningSite?.code ?? 'nguon'}` : base,
      item.documentId,
      taken,
    );
    refs.set(item.documentId, {
      documentId: item.documentId,
      path: `${SECTION_BY_TYPE[type].path}${segment}/`,
      source: sourceOf(type, item, byCode),
    });
  }
  for (const [documentId, adoption] of adoptions) {
    const ref = refs.get(documentId);
    // Only another site's item is adopted (an item the site owns is already its own).
    if (ref?.source) ref.adoption = adoption;
  }
  return [...own, ...syndicated].sort(listOrder(type)).map((item) => refs.get(item.documentId)!);
}

function unique(segment: string, documentId: string, taken: Set<string>): string {
  const chosen = taken.has(segment)
    ? `${segment}-${documentId.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
    : segment;
  taken.add(chosen);
  return chosen;
}

/** The owning site's name and the item's URL there: absolute when the owner has a public origin. */
function sourceOf(
  type: EditorialType,
  item: EditorialItem,
  byCode: ReadonlyMap<string, Site>,
): { name: string; url: string } {
  const owner: Pick<Site, 'name' | 'basePath'> & { baseUrl?: string | null } =
    byCode.get(item.owningSite?.code ?? '') ?? (item.owningSite as SiteRef);
  const path = ownItemPath(type, item);
  if (owner.baseUrl) {
    try {
      return {
        name: owner.name,
        url: new URL(path, owner.baseUrl.endsWith('/') ? owner.baseUrl : `${owner.baseUrl}/`).href,
      };
    } catch {
      // An unusable baseUrl: fall back to the shared host's path.
    }
  }
  return { name: owner.name, url: joinBase(owner.basePath, path) };
}

const collator = new Intl.Collator('vi');

/** Newest first (ties by title); the bookshelf by reading order, then title. */
function listOrder(type: EditorialType): (a: EditorialItem, b: EditorialItem) => number {
  if (type === 'book') {
    const order = (b: EditorialItem) => (b as EditorialItem<'book'>).readingOrder ?? Number.MAX_SAFE_INTEGER;
    return (a, b) => order(a) - order(b) || collator.compare(a.title, b.title);
  }
  // Dialogues by their opening time (several may open the same day).
  const key = (item: EditorialItem) =>
    type === 'dialogue' ? ((item as EditorialItem<'dialogue'>).opensAt ?? '') : (itemDate(type, item) ?? '');
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? 1 : ka > kb ? -1 : collator.compare(a.title, b.title);
  };
}

/** The one line a list shows under an item's title. */
export function itemSummaryLine(type: EditorialType, item: EditorialItem): string | null {
  switch (type) {
    case 'qa':
      return (item as EditorialItem<'qa'>).question;
    case 'dialogue': {
      const dialogue = item as EditorialItem<'dialogue'>;
      return dialogue.summary ?? dialogue.topic;
    }
    case 'legal-situation':
      return (item as EditorialItem<'legal-situation'>).question;
    case 'book':
      return (item as EditorialItem<'book'>).description;
    default:
      return (item as { summary?: string | null }).summary ?? null;
  }
}

export function summarizeItem(type: EditorialType, item: EditorialItem, now: Date): ItemSummary {
  return {
    documentId: item.documentId,
    type,
    title: item.title,
    summary: itemSummaryLine(type, item),
    date: itemDate(type, item),
    mayBeOutdated: 'mayBeOutdated' in item && item.mayBeOutdated === true,
    ...(type === 'dialogue' ? { phase: dialoguePhase(item as EditorialItem<'dialogue'>, now) } : {}),
  };
}

function explainedBy(
  site: Site,
  sections: SitePlacement['sections'],
  items: ItemsByType,
  documents: readonly CitableDocument[],
): Record<string, ExplanationLink[]> {
  const resolve = citationResolver(documents);
  const links: Record<string, ExplanationLink[]> = {};
  for (const type of CITING_TYPES) {
    for (const ref of sections[type] ?? []) {
      const item = items[type]?.get(ref.documentId);
      if (!item) continue;
      const cited = new Set<string>();
      for (const citation of item.citations ?? []) {
        const document = resolve(citation);
        if (!document || cited.has(document.documentId)) continue;
        cited.add(document.documentId);
        (links[document.documentId] ??= []).push({
          title: item.title,
          url: joinBase(site.basePath, ref.path),
          section: SECTION_BY_TYPE[type].label,
        });
      }
    }
  }
  return links;
}

function openDialogues(
  site: Site,
  refs: readonly SiteItemRef[],
  dialogues: Map<string, EditorialItem<'dialogue'>> | undefined,
  now: Date,
): OpenDialogueLink[] {
  const open: OpenDialogueLink[] = [];
  for (const ref of refs) {
    const dialogue = dialogues?.get(ref.documentId);
    if (!dialogue) continue;
    const phase = dialoguePhase(dialogue, now);
    if (phase !== 'open' && phase !== 'live') continue;
    open.push({
      title: dialogue.title,
      url: joinBase(site.basePath, ref.path),
      closesOn: vietnamDay(dialogue.closesAt),
    });
  }
  // The one closing soonest first: it needs the readers' questions first.
  return open.sort((a, b) => (a.closesOn ?? '9999').localeCompare(b.closesOn ?? '9999'));
}
