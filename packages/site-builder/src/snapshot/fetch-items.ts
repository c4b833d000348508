/**
 * Step 1b of a generation: the editorial items (introductions, Q&A, dialogues, materials, videos,
 * situations, books, guidance, news). Items syndicated beyond their owner are fetched once for the
 * run (as national documents are), each site's own items per site; item-placement.ts decides what
 * each site shows; every item shown anywhere is written once (`items/<type>/<id>.json`), with a
 * video's caption files copied in so the pages never request the CMS.
 */
import type { ContentClient, EditorialItem, Site } from '@pbgdpl/content-client';
import { EDITORIAL_TYPES, NATIONAL_SITE_CODE, type EditorialType } from '@pbgdpl/domain';
import { mapLimit, writeJson } from '../fs-json.js';
import {
  placeItems,
  summarizeItem,
  dialoguePhase,
  type ItemsByType,
  type SitePlacement,
} from './item-placement.js';
import type { CitableDocument } from '@pbgdpl/site-template/citations';
import type { FetchAsset } from '../fetch-asset.js';
import { cardImage } from '@pbgdpl/site-template/media-variants';
import type { SnapshotMedia } from '../media/snapshot-media.js';
import {
  snapshotFiles,
  type CaptionText,
  type ItemDetail,
  type ItemIndex,
} from '@pbgdpl/site-template/snapshot-format';

const LOCALE = 'vi';
/** A caption file larger than this is not a caption file: left out with a warning. */
export const CAPTION_MAX_BYTES = 512 * 1024;

export interface FetchItemsOptions {
  client: ContentClient;
  dir: string;
  sites: readonly Site[];
  /** The whole registry when it was read (--all); else null and the missing sites are fetched. */
  registry: readonly Site[] | null;
  siteDocuments: (code: string) => readonly CitableDocument[];
  fetchAsset: FetchAsset;
  /** Collects the uploads of every item shown (pictures, rich-text images, files) for the media store. */
  media?: SnapshotMedia;
  now: Date;
  concurrency: number;
  log: (message: string) => void;
}

export interface FetchedItems {
  placements: Map<string, SitePlacement>;
  /** Items written (shown on at least one built site). */
  itemCount: number;
}

/**
 * @throws {ContentClientError} (from @pbgdpl/content-client) when the CMS cannot be read.
 */
export async function fetchItems(options: FetchItemsOptions): Promise<FetchedItems> {
  const { client, log } = options;
  const items: ItemsByType = {};
  const add = <T extends EditorialType>(type: T, list: ReadonlyArray<EditorialItem<T>>) => {
    const map = (items[type] ??= new Map()) as Map<string, EditorialItem<T>>;
    for (const item of list) map.set(item.documentId, item);
  };
  // Only national content crosses unit boundaries: a build of some sites needs the syndicated items
  // of the national portal and of the sites' ancestors only (the sync engine builds one at a time).
  let registry = options.registry
    ? [...options.registry]
    : await registryAround(client, options.sites, [NATIONAL_SITE_CODE]);
  const owners = options.registry ? undefined : registry.map((s) => s.code);
  let syndicatedCount = 0;
  for (const type of EDITORIAL_TYPES) {
    const syndicated = await client.listSyndicatedItems(type, {
      locale: LOCALE,
      ...(owners ? { owners } : {}),
    });
    syndicatedCount += syndicated.length;
    add(type, syndicated);
  }
  log(`Items syndicated beyond their owner: ${syndicatedCount}`);
  let ownCount = 0;
  await mapLimit(options.sites, options.concurrency, async (site) => {
    for (const type of EDITORIAL_TYPES) {
      const own = await client.listSiteItems(type, site.code, { locale: LOCALE });
      ownCount += own.length;
      add(type, own);
    }
  });
  log(`Items of the sites themselves: ${ownCount}`);

  if (!options.registry) registry = await registryAround(client, registry, ownersOf(items));
  const adoptions = await client.listSiteAdoptions(options.sites.map((s) => s.code));
  log(`Items the sites adopted: ${adoptions.length}`);
  const placements = placeItems({
    sites: options.sites,
    registry,
    items,
    siteDocuments: options.siteDocuments,
    now: options.now,
    adoptions,
  });

  const shown = new Map<EditorialType, Set<string>>();
  for (const placement of placements.values()) {
    for (const [type, refs] of Object.entries(placement.sections) as Array<
      [EditorialType, { documentId: string }[]]
    >) {
      const ids = shown.get(type) ?? new Set<string>();
      for (const ref of refs) ids.add(ref.documentId);
      shown.set(type, ids);
    }
  }
  const index: ItemIndex = { items: {} };
  let itemCount = 0;
  for (const [type, ids] of shown) {
    const summaries: Record<string, ReturnType<typeof summarizeItem>> = {};
    for (const id of ids) {
      const item = items[type]?.get(id);
      if (!item) continue;
      const detail: ItemDetail = { type, item };
      if (type === 'video') {
        const captions = await copyCaptions(
          item as EditorialItem<'video'>,
          client.endpoint,
          options.fetchAsset,
          log,
        );
        if (captions.length > 0) detail.captions = captions;
      }
      if (type === 'dialogue') detail.phase = dialoguePhase(item as EditorialItem<'dialogue'>, options.now);
      writeJson(snapshotFiles.item(options.dir, type, id), detail);
      options.media?.item(type, item);
      const image = cardImage(type, item);
      summaries[id] = { ...summarizeItem(type, item, options.now), ...(image ? { image } : {}) };
      itemCount += 1;
    }
    index.items[type] = summaries;
  }
  writeJson(snapshotFiles.itemIndex(options.dir), index);
  log(`Items shown on the sites: ${itemCount}`);
  return { placements, itemCount };
}

function ownersOf(items: ItemsByType): string[] {
  const codes = new Set<string>();
  for (const type of EDITORIAL_TYPES) {
    for (const item of items[type]?.values() ?? []) if (item.owningSite) codes.add(item.owningSite.code);
  }
  return [...codes];
}

/**
 * The part of the registry the rules need when only some sites are built: those sites, their
 * ancestors (a commune's province and the national portal) and `more` (the national portal, the
 * items' owners: their names, public addresses and kinds). Read level by level, a few requests.
 */
async function registryAround(
  client: ContentClient,
  sites: readonly Site[],
  more: readonly string[],
): Promise<Site[]> {
  const known = new Map(sites.map((s) => [s.code, s]));
  const wanted = new Set<string>(more);
  for (const site of sites) if (site.parent) wanted.add(site.parent.code);
  for (let round = 0; round < 5; round += 1) {
    const missing = [...wanted].filter((code) => !known.has(code));
    if (missing.length === 0) break;
    for (const site of await client.listSites({ codes: missing })) {
      known.set(site.code, site);
      if (site.parent) wanted.add(site.parent.code);
    }
    // Codes the registry does not know stay missing: stop asking for them.
    for (const code of missing) if (!known.has(code)) wanted.delete(code);
  }
  return [...known.values()];
}

/** A video's caption tracks, downloaded as text; a track that cannot be used is a warning. */
async function copyCaptions(
  video: EditorialItem<'video'>,
  cmsEndpoint: string,
  fetchAsset: FetchAsset,
  log: (message: string) => void,
): Promise<CaptionText[]> {
  const captions: CaptionText[] = [];
  for (const track of video.captions ?? []) {
    if (!track.file?.url) continue;
    let url: URL;
    try {
      url = new URL(track.file.url, cmsEndpoint);
    } catch {
      log(`warning: video "${video.title}": caption URL "${track.file.url}" is not a URL; left out.`);
      continue;
    }
    const fetched = await fetchAsset(url.href);
    if (!fetched.ok) {
      log(
        `warning: video "${video.title}": could not download captions ${url.href} (${fetched.reason}); left out.`,
      );
      continue;
    }
    const vtt = Buffer.from(fetched.bytes)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    if (fetched.bytes.byteLength > CAPTION_MAX_BYTES || !/^WEBVTT/.test(vtt)) {
      log(`warning: video "${video.title}": ${url.href} is not a WebVTT file under 512 KiB; left out.`);
      continue;
    }
    captions.push({ language: track.language, label: track.label, vtt });
  }
  return captions;
}
