/**
 * C-1 per site: the newly effective national documents that concern it, and how many of them
 * its live release shows.
 *
 * - **Newly effective** (`isNewlyEffective` in `@pbgdpl/domain`): published, `scope = national`,
 *   `effectiveFrom` within the 90 days ending on the computation day, not expired or suspended.
 * - **Concern**: national law binds every unit, so a national document concerns every enabled
 *   site whatever its kind or province — except a site that opted out of *every* legal field of
 *   the document (or of their sectors), the same opt-out rule the syndication of editorial items
 *   follows. A document without fields concerns every site.
 * - **Shown**: the sync engine records for each site the content version its live release was
 *   built from (`pbgdpl_sync_sites.built_version`); a document is shown when that version is
 *   greater than the version of the change event that last made it appear (its publish, or the
 *   date it entered into force: `pbgdpl_change_events`). A site never built shows none. Without
 *   any release record (no sync engine on this database) the site template's listing rule stands
 *   in: it lists every national document, so shown = concerning (basis `template`).
 */
import type { Core } from '@strapi/strapi';
import {
  NEWLY_EFFECTIVE_WINDOW_DAYS,
  SYNC_TABLES,
  addDays,
  readSiteStates,
  type NewlyEffectiveFacts,
} from '@pbgdpl/domain';
import { syncReader } from '../change-capture/sync-reader';
import { linkOf, q, rawRows, tableOf } from './tables';
import { CONTENT_TYPES } from '../../content-types';

const LEGAL_DOCUMENT = CONTENT_TYPES.legalDocument;
const SITE = CONTENT_TYPES.site;
const FIELD = CONTENT_TYPES.legalField;
/** Change events after which a document shows on a newly-effective list. */
const APPEARING_ACTIONS = ['create', 'publish', 'enters-newly-effective'];

type Db = Core.Strapi['db']['connection'];

export interface SiteRef {
  id: number;
  code: string;
}

export async function newlyEffectiveBySite(
  strapi: Core.Strapi,
  sites: readonly SiteRef[],
  asOf: string,
  db: Db = strapi.db.connection,
): Promise<Map<number, NewlyEffectiveFacts>> {
  const documents = q(tableOf(strapi, LEGAL_DOCUMENT));
  const docFields = linkOf(strapi, LEGAL_DOCUMENT, 'fields');
  const optOut = linkOf(strapi, SITE, 'optedOutFields');
  const fieldParent = linkOf(strapi, FIELD, 'parent');
  const from = addDays(asOf, -(NEWLY_EFFECTIVE_WINDOW_DAYS - 1));

  const docs = await rawRows<{ id: number; document_id: string }>(
    db,
    `SELECT d.id, d.document_id FROM ${documents} d
     WHERE d.id IN (SELECT MIN(x.id) FROM ${documents} x WHERE x.published_at IS NOT NULL GROUP BY x.document_id)
       AND d.scope = 'national' AND d.effective_from >= ? AND d.effective_from <= ?
       AND (d.validity_status IS NULL OR d.validity_status NOT IN ('expired', 'suspended'))`,
    [from, asOf],
  );
  const fieldsOf = new Map<number, number[]>();
  if (docs.length > 0) {
    const rows = await rawRows<{ doc: number; field: number }>(
      db,
      `SELECT l.${q(docFields.from)} AS doc, l.${q(docFields.to)} AS field FROM ${q(docFields.table)} l
       WHERE l.${q(docFields.from)} IN (${docs.map(() => '?').join(',')})`,
      docs.map((d) => d.id),
    );
    for (const row of rows)
      fieldsOf.set(Number(row.doc), [...(fieldsOf.get(Number(row.doc)) ?? []), Number(row.field)]);
  }
  const optedOut = new Map<number, Set<number>>();
  for (const row of await rawRows<{ site: number; field: number }>(
    db,
    `SELECT ${q(optOut.from)} AS site, ${q(optOut.to)} AS field FROM ${q(optOut.table)}`,
  ))
    optedOut.set(Number(row.site), (optedOut.get(Number(row.site)) ?? new Set()).add(Number(row.field)));
  const parentOf = new Map<number, number>();
  if (optedOut.size > 0)
    for (const row of await rawRows<{ field: number; parent: number }>(
      db,
      `SELECT ${q(fieldParent.from)} AS field, ${q(fieldParent.to)} AS parent FROM ${q(fieldParent.table)}`,
    ))
      parentOf.set(Number(row.field), Number(row.parent));

  const versions = await appearingVersions(
    db,
    docs.map((d) => d.document_id),
  );
  const built = await builtVersions(strapi, db);
  const out = new Map<number, NewlyEffectiveFacts>();
  for (const site of sites) {
    const excluded = optedOut.get(site.id);
    const concerning = docs.filter((doc) => {
      const fields = fieldsOf.get(doc.id) ?? [];
      if (!excluded || fields.length === 0) return true;
      return !fields.every((f) => excluded.has(f) || excluded.has(parentOf.get(f) ?? -1));
    });
    if (built === null) {
      out.set(site.id, { concerning: concerning.length, shown: concerning.length, basis: 'template' });
      continue;
    }
    const version = built.get(site.code);
    const shown =
      version === undefined || version === null
        ? 0
        : concerning.filter((doc) => (versions.get(doc.document_id) ?? 0) < version).length;
    out.set(site.id, { concerning: concerning.length, shown, basis: 'sync' });
  }
  return out;
}

/** document id → content version of the latest event that made it appear (0 when none). */
async function appearingVersions(db: Db, documentIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (documentIds.length === 0 || !(await db.schema.hasTable(SYNC_TABLES.changeEvents))) return out;
  const rows = await rawRows<{ document_id: string; version: unknown }>(
    db,
    `SELECT document_id, MAX(content_version) AS version FROM ${SYNC_TABLES.changeEvents}
     WHERE uid = ? AND action IN (${APPEARING_ACTIONS.map(() => '?').join(',')})
       AND document_id IN (${documentIds.map(() => '?').join(',')})
     GROUP BY document_id`,
    [LEGAL_DOCUMENT, ...APPEARING_ACTIONS, ...documentIds],
  );
  for (const row of rows) out.set(row.document_id, Number(row.version));
  return out;
}

/** site code → built version (null: never built), or null when no sync engine records releases here. */
async function builtVersions(strapi: Core.Strapi, db: Db): Promise<Map<string, number | null> | null> {
  const sites = await readSiteStates(syncReader(strapi, db));
  if (sites.length === 0) return null;
  return new Map(sites.map((s) => [s.site, s.builtVersion]));
}
