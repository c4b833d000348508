import type { Core } from '@strapi/strapi';
import { editorialSample, editorialUid, type EditorialTypeName } from './fixtures';

/**
 * Content for the coverage suite: published items of each section owned by a site, a national
 * newly effective law, and the sync engine's release records (its table, as the sync workers
 * create it, with the versions a test chooses).
 */
let serial = 0;

/** A published item of `type` owned by the site (Vietnamese), created as the seed would. */
export async function publishedItem(
  strapi: Core.Strapi,
  type: EditorialTypeName,
  owningSite: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  serial += 1;
  const sample = editorialSample(type, owningSite).vi;
  const data: Record<string, unknown> = {
    ...sample,
    title: `${String(sample.title).slice(0, 150)} (${serial})`,
    slug: `bai-${type}-${serial}`,
    ...extra,
  };
  if (type === 'qa') data.trackingCode = extra.trackingCode ?? null;
  const created = (await strapi
    .documents(editorialUid(type) as never)
    .create({ locale: 'vi', data } as never)) as {
    documentId: string;
  };
  await strapi
    .documents(editorialUid(type) as never)
    .publish({ documentId: created.documentId, locale: 'vi' } as never);
  return created.documentId;
}

/** Flags an item "may be outdated" below the Document Service, as the citations extension does. */
export async function flagOutdated(
  strapi: Core.Strapi,
  type: EditorialTypeName,
  documentId: string,
): Promise<void> {
  await strapi.db
    .query(editorialUid(type) as never)
    .updateMany({
      where: { documentId },
      data: { mayBeOutdated: true, outdatedReason: 'Luật được viện dẫn đã hết hiệu lực.' },
    });
}

/** The sync engine's per-site release table (same columns as packages/sync-engine/src/state.ts). */
export async function recordBuilds(
  strapi: Core.Strapi,
  builds: Record<string, number | null>,
): Promise<void> {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable('pbgdpl_sync_sites')))
    await knex.schema.createTable('pbgdpl_sync_sites', (t) => {
      t.string('site', 80).primary();
      t.string('live_release', 80).nullable();
      t.bigInteger('built_version').nullable();
      t.timestamp('built_at', { useTz: true }).nullable();
      t.integer('duration_ms').nullable();
      t.integer('pages').nullable();
      t.bigInteger('requested_version').nullable();
      t.timestamp('requested_at', { useTz: true }).nullable();
      t.text('last_error').nullable();
      t.timestamp('last_error_at', { useTz: true }).nullable();
    });
  for (const [site, version] of Object.entries(builds)) {
    await knex('pbgdpl_sync_sites').where({ site }).delete();
    await knex('pbgdpl_sync_sites').insert({
      site,
      built_version: version,
      live_release: version === null ? null : `r${version}`,
    });
  }
}

/** The content version the CMS is at now (what a build started now would read). */
export async function contentVersion(strapi: Core.Strapi): Promise<number> {
  const row = (await strapi.db.connection('pbgdpl_content_version').where({ id: 1 }).first('version')) as
    { version: unknown } | undefined;
  return Number(row?.version ?? 0);
}
