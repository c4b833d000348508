/**
 * The editorial sections of every enabled site, counted with a few set-based queries whatever
 * the number of sites (no per-site loop):
 *
 * - **own** items: published items grouped by owning site (one row per document, whatever its
 *   locales);
 * - **shown** items: own + those the federation's syndication rules (`placementOnSite` in
 *   `@pbgdpl/domain`) put on the site. Items of the national portal for every site ("everywhere")
 *   are counted once per owner and added to each site in memory; the other audiences
 *   (own_and_descendants, filtered by kinds and provinces, a province's all_sites) are expanded
 *   with equi-joins on the registry tree (national → province → commune), and sites that opted out
 *   of fields get the everywhere items expanded too so the opt-out rule can drop them.
 */
import type { Core } from '@strapi/strapi';
import { REQUIREMENTS, SECTION_CODES, SITE_KINDS, type SectionCode } from '@pbgdpl/domain';
import { columnOf, isoOf, linkOf, q, rawRows, tableOf } from './tables';
import { CONTENT_TYPES, contentTypeUid } from '../../content-types';

const SITE = CONTENT_TYPES.site;
const FIELD = CONTENT_TYPES.legalField;

export interface SectionCounts {
  own: number;
  shown: number;
  latestOwnAt: string | null;
  latestShownAt: string | null;
  ownCiting: number;
  ownOutdated: number;
}

type Db = Core.Strapi['db']['connection'];

/** One `SELECT` per editorial type, unioned: one published row per document (its first locale row). */
function itemsSql(strapi: Core.Strapi): string {
  const parts: string[] = [];
  for (const section of SECTION_CODES) {
    for (const type of REQUIREMENTS[section].types) {
      const uid = contentTypeUid(type);
      if (!strapi.contentTypes[uid as never]) continue;
      const table = q(tableOf(strapi, uid));
      const owner = linkOf(strapi, uid, 'owningSite');
      const outdated = columnOf(strapi, uid, 'mayBeOutdated');
      const kinds = columnOf(strapi, uid, 'audienceSiteKinds')!;
      parts.push(`SELECT '${type}' AS type, '${section}' AS section, t.id AS item_id, o.${q(owner.to)} AS owner,
          t.audience AS audience, CAST(t.${q(kinds)} AS TEXT) AS kinds,
          CASE WHEN t.mandatory IS TRUE THEN 1 ELSE 0 END AS mandatory, t.published_at AS published_at,
          ${outdated ? `CASE WHEN t.${q(outdated)} IS TRUE THEN 1 ELSE 0 END` : 'NULL'} AS outdated
        FROM ${table} t JOIN ${q(owner.table)} o ON o.${q(owner.from)} = t.id
        WHERE t.id IN (SELECT MIN(x.id) FROM ${table} x WHERE x.published_at IS NOT NULL GROUP BY x.document_id)`);
    }
  }
  return parts.join('\nUNION ALL\n');
}

/** (type, item_id, x) rows of one relation of every editorial type. */
function itemLinksSql(strapi: Core.Strapi, attribute: string): string {
  const parts: string[] = [];
  for (const section of SECTION_CODES) {
    for (const type of REQUIREMENTS[section].types) {
      const uid = contentTypeUid(type);
      if (!strapi.contentTypes[uid as never]) continue;
      const link = linkOf(strapi, uid, attribute);
      parts.push(`SELECT '${type}' AS type, l.${q(link.from)} AS item_id, l.${q(link.to)} AS target FROM ${q(link.table)} l`);
    }
  }
  return parts.join('\nUNION ALL\n');
}

/** The common table expressions every query below starts with. */
function baseCtes(strapi: Core.Strapi): string {
  const sites = q(tableOf(strapi, SITE));
  const parent = linkOf(strapi, SITE, 'parent');
  const kindValues = SITE_KINDS.map((k) => `SELECT '${k}' AS kind`).join(' UNION ALL ');
  return `WITH
  items AS (${itemsSql(strapi)}),
  site_tree AS (
    SELECT s.id AS id, s.kind AS kind, p.${q(parent.to)} AS parent, gp.${q(parent.to)} AS grand
    FROM ${sites} s
    LEFT JOIN ${q(parent.table)} p ON p.${q(parent.from)} = s.id
    LEFT JOIN ${q(parent.table)} gp ON gp.${q(parent.from)} = p.${q(parent.to)}
    WHERE s.enabled IS TRUE),
  owners AS (SELECT i.*, st.kind AS owner_kind FROM items i JOIN ${sites} st ON st.id = i.owner),
  kind_list AS (${kindValues}),
  item_kinds AS (
    SELECT o.type, o.item_id, k.kind FROM owners o JOIN kind_list k ON o.kinds LIKE ('%"' || k.kind || '"%')
    WHERE o.audience = 'filtered'),
  item_provinces AS (${itemLinksSql(strapi, 'audienceProvinces')})`;
}

/**
 * Syndicated (item, site) pairs other than "everywhere" items on sites without opt-outs:
 * below the owner; filtered by kinds and/or provinces; and everywhere items on opted-out sites.
 */
function reachSql(strapi: Core.Strapi): string {
  const optOut = linkOf(strapi, SITE, 'optedOutFields');
  const fieldParent = linkOf(strapi, FIELD, 'parent');
  const below = (alias: string) => `(st.parent = ${alias}.owner OR st.grand = ${alias}.owner)`;
  return `,
  below_owner AS (
    SELECT o.type, o.item_id, st.id AS site_id FROM owners o JOIN site_tree st ON st.parent = o.owner
    WHERE o.audience = 'own_and_descendants' OR (o.audience = 'all_sites' AND o.owner_kind <> 'national')
    UNION ALL
    SELECT o.type, o.item_id, st.id FROM owners o JOIN site_tree st ON st.grand = o.owner
    WHERE o.audience = 'own_and_descendants' OR (o.audience = 'all_sites' AND o.owner_kind <> 'national')),
  by_province AS (
    SELECT o.type, o.item_id, st.id AS site_id, st.kind AS kind, o.owner, o.owner_kind, st.parent, st.grand
    FROM owners o JOIN item_provinces ip ON ip.type = o.type AND ip.item_id = o.item_id
    JOIN site_tree st ON st.id = ip.target
    WHERE o.audience = 'filtered'
    UNION ALL
    SELECT o.type, o.item_id, st.id, st.kind, o.owner, o.owner_kind, st.parent, st.grand
    FROM owners o JOIN item_provinces ip ON ip.type = o.type AND ip.item_id = o.item_id
    JOIN site_tree st ON st.parent = ip.target
    WHERE o.audience = 'filtered'),
  filtered AS (
    SELECT bp.type, bp.item_id, bp.site_id FROM by_province bp
    WHERE (bp.owner_kind = 'national' OR bp.parent = bp.owner OR bp.grand = bp.owner)
      AND (NOT EXISTS (SELECT 1 FROM item_kinds k WHERE k.type = bp.type AND k.item_id = bp.item_id)
           OR EXISTS (SELECT 1 FROM item_kinds k WHERE k.type = bp.type AND k.item_id = bp.item_id AND k.kind = bp.kind))
    UNION ALL
    SELECT o.type, o.item_id, st.id FROM owners o
    JOIN item_kinds k ON k.type = o.type AND k.item_id = o.item_id
    JOIN site_tree st ON st.kind = k.kind
    WHERE NOT EXISTS (SELECT 1 FROM item_provinces ip WHERE ip.type = o.type AND ip.item_id = o.item_id)
      AND (o.owner_kind = 'national' OR ${below('o')})),
  opted_sites AS (SELECT DISTINCT ${q(optOut.from)} AS site_id FROM ${q(optOut.table)}),
  everywhere_on_opted AS (
    SELECT o.type, o.item_id, os.site_id FROM owners o JOIN opted_sites os ON os.site_id <> o.owner
    JOIN site_tree st ON st.id = os.site_id
    WHERE o.audience = 'all_sites' AND o.owner_kind = 'national'),
  reach AS (
    SELECT DISTINCT r.type, r.item_id, r.site_id FROM (
      SELECT * FROM below_owner UNION ALL SELECT * FROM filtered UNION ALL SELECT * FROM everywhere_on_opted
    ) r JOIN owners o ON o.type = r.type AND o.item_id = r.item_id WHERE r.site_id <> o.owner),
  item_fields AS (${itemLinksSql(strapi, 'fields')}),
  field_count AS (SELECT type, item_id, COUNT(DISTINCT target) AS n FROM item_fields GROUP BY type, item_id),
  covered AS (
    SELECT r.type, r.item_id, r.site_id, COUNT(DISTINCT f.target) AS n
    FROM reach r JOIN opted_sites os ON os.site_id = r.site_id
    JOIN item_fields f ON f.type = r.type AND f.item_id = r.item_id
    LEFT JOIN ${q(fieldParent.table)} fp ON fp.${q(fieldParent.from)} = f.target
    JOIN ${q(optOut.table)} oo ON oo.${q(optOut.from)} = r.site_id
      AND (oo.${q(optOut.to)} = f.target OR oo.${q(optOut.to)} = fp.${q(fieldParent.to)})
    GROUP BY r.type, r.item_id, r.site_id),
  visible AS (
    SELECT r.* FROM reach r JOIN owners o ON o.type = r.type AND o.item_id = r.item_id
    LEFT JOIN covered c ON c.type = r.type AND c.item_id = r.item_id AND c.site_id = r.site_id
    LEFT JOIN field_count fc ON fc.type = r.type AND fc.item_id = r.item_id
    WHERE o.mandatory = 1 OR c.n IS NULL OR fc.n IS NULL OR c.n < fc.n)`;
}

const emptyCounts = (): SectionCounts => ({
  own: 0,
  shown: 0,
  latestOwnAt: null,
  latestShownAt: null,
  ownCiting: 0,
  ownOutdated: 0,
});

const later = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * Section counts of every enabled site: site id → section → counts. Three queries (own,
 * syndicated, everywhere), each a single statement over all sites.
 */
export async function sectionCountsBySite(
  strapi: Core.Strapi,
  siteIds: readonly number[],
  db: Db = strapi.db.connection,
): Promise<Map<number, Record<SectionCode, SectionCounts>>> {
  const out = new Map<number, Record<SectionCode, SectionCounts>>();
  for (const id of siteIds)
    out.set(id, Object.fromEntries(SECTION_CODES.map((c) => [c, emptyCounts()])) as Record<SectionCode, SectionCounts>);
  const base = baseCtes(strapi);

  type OwnRow = { owner: number; section: SectionCode; n: unknown; latest: unknown; citing: unknown; outdated: unknown };
  const own = await rawRows<OwnRow>(
    db,
    `${base}
    SELECT owner, section, COUNT(*) AS n, MAX(published_at) AS latest,
      SUM(CASE WHEN outdated IS NULL THEN 0 ELSE 1 END) AS citing, SUM(COALESCE(outdated, 0)) AS outdated
    FROM items GROUP BY owner, section`,
  );
  for (const row of own) {
    const counts = out.get(Number(row.owner))?.[row.section];
    if (!counts) continue;
    counts.own = Number(row.n);
    counts.shown += Number(row.n);
    counts.latestOwnAt = isoOf(row.latest);
    counts.latestShownAt = later(counts.latestShownAt, counts.latestOwnAt);
    counts.ownCiting = Number(row.citing);
    counts.ownOutdated = Number(row.outdated);
  }

  type ShownRow = { site_id: number; section: SectionCode; n: unknown; latest: unknown };
  const syndicated = await rawRows<ShownRow>(
    db,
    `${base}${reachSql(strapi)}
    SELECT v.site_id AS site_id, i.section AS section, COUNT(*) AS n, MAX(i.published_at) AS latest
    FROM visible v JOIN items i ON i.type = v.type AND i.item_id = v.item_id
    GROUP BY v.site_id, i.section`,
  );
  for (const row of syndicated) {
    const counts = out.get(Number(row.site_id))?.[row.section];
    if (!counts) continue;
    counts.shown += Number(row.n);
    counts.latestShownAt = later(counts.latestShownAt, isoOf(row.latest));
  }

  // National items for every site: counted once per owner, added to each site without opt-outs.
  const optOut = linkOf(strapi, SITE, 'optedOutFields');
  const opted = new Set(
    (await rawRows<{ site_id: number }>(db, `SELECT DISTINCT ${q(optOut.from)} AS site_id FROM ${q(optOut.table)}`)).map(
      (r) => Number(r.site_id),
    ),
  );
  type EverywhereRow = { owner: number; section: SectionCode; n: unknown; latest: unknown };
  const everywhere = await rawRows<EverywhereRow>(
    db,
    `${base}
    SELECT owner, section, COUNT(*) AS n, MAX(published_at) AS latest FROM owners
    WHERE audience = 'all_sites' AND owner_kind = 'national' GROUP BY owner, section`,
  );
  for (const [siteId, sections] of out) {
    if (opted.has(siteId)) continue;
    for (const row of everywhere) {
      if (Number(row.owner) === siteId) continue;
      const counts = sections[row.section];
      counts.shown += Number(row.n);
      counts.latestShownAt = later(counts.latestShownAt, isoOf(row.latest));
    }
  }
  return out;
}
