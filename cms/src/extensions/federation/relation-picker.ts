import type { Core } from '@strapi/strapi';
import { adminScope, type CallerScope } from './scope';
import { SITE, siteOwnedTypes, type AdminUser } from './types';

type Ctx = {
  params: { model: string; targetField: string };
  request: { query: Record<string, unknown> };
  state: { user?: AdminUser; userAbility?: unknown };
  body?: unknown;
};
type Handler = (this: RelationsController, ctx: Ctx) => Promise<unknown>;
interface RelationsController {
  findAvailable: Handler;
  extractAndValidateRequestInfo: (ctx: Ctx, id?: unknown) => Promise<RequestInfo | undefined>;
}
interface RequestInfo {
  locale?: string | null;
  status?: 'draft' | 'published';
  mainField: string;
  fieldsToSelect: string[];
  sourceSchema: { uid: string; modelType: string; options?: { draftAndPublish?: boolean } };
  targetSchema: { uid: string; options?: { draftAndPublish?: boolean } };
  target: { isLocalized: boolean };
  source: { isLocalized: boolean };
}

/**
 * The content manager's relation picker (`GET /content-manager/relations/:model/:field`) shows a
 * unit only what it may link to. Strapi filters the picker by the *target's* read conditions,
 * which are "my sites" for editorial types: it would hide the published national items a unit
 * may link to, and for `owningSite` (the registry is readable by everyone) it would offer every
 * site of the country. For callers without the "all sites" scope this replaces the picker's
 * query on those two kinds of field:
 * - a site-owned target: the caller's items (drafts included) and published national items;
 * - `owningSite`: the caller's sites only.
 * Everything else (fields, organisations, provinces of an audience) keeps Strapi's behaviour.
 * The source entry is still checked by Strapi (`extractAndValidateRequestInfo`), so asking for
 * the relations of another unit's item is refused as before.
 */
export function restrictRelationPicker(strapi: Core.Strapi): void {
  const controller = strapi
    .plugin('content-manager')
    .controller('relations') as unknown as RelationsController;
  const original = controller.findAvailable;
  let owned: Set<string> | null = null;
  controller.findAvailable = async function findAvailable(this: RelationsController, ctx: Ctx) {
    owned ??= siteOwnedTypes(strapi);
    const user = ctx.state.user;
    const model = strapi.getModel(ctx.params.model as never) as unknown as
      { attributes?: Record<string, { type?: string; target?: string }> } | undefined;
    const attribute = model?.attributes?.[ctx.params.targetField];
    const target = attribute?.type === 'relation' ? attribute.target : undefined;
    const kind = !target
      ? null
      : owned.has(target)
        ? 'owned'
        : target === SITE && ctx.params.targetField === 'owningSite'
          ? 'owner'
          : null;
    if (!user || !kind) return original.call(this, ctx);
    const scope = await adminScope(strapi, user);
    if (scope.scope.kind === 'all') return original.call(this, ctx);
    const info = await this.extractAndValidateRequestInfo(ctx, ctx.request.query.id);
    if (!info) return undefined; // Strapi answered 403 already.
    ctx.body = await pickable(
      strapi,
      ctx,
      info,
      kind === 'owned' ? ownedWhere(strapi, info, scope) : { id: { $in: scope.siteIds } },
    );
    return undefined;
  };
}

function ownedWhere(strapi: Core.Strapi, info: RequestInfo, scope: CallerScope): Record<string, unknown> {
  const uid = info.targetSchema.uid;
  const publishedIds = strapi.db
    .queryBuilder(uid as never)
    .select('documentId')
    .where({ publishedAt: { $notNull: true } })
    .getKnexQuery();
  return {
    $or: [
      { owningSite: { id: { $in: scope.siteIds } } },
      { $and: [{ owningSite: { kind: 'national' } }, { documentId: { $in: publishedIds } }] },
    ],
  };
}

async function pickable(
  strapi: Core.Strapi,
  ctx: Ctx,
  info: RequestInfo,
  restriction: Record<string, unknown>,
) {
  const query = ctx.request.query;
  const targetUid = info.targetSchema.uid;
  const draftAndPublish = Boolean(info.targetSchema.options?.draftAndPublish);
  const and: Record<string, unknown>[] = [restriction];
  if (draftAndPublish)
    and.push({ publishedAt: info.status === 'published' ? { $notNull: true } : { $null: true } });
  if (info.target.isLocalized && info.locale) and.push({ locale: info.locale });
  if (typeof query._q === 'string' && query._q !== '')
    and.push({ [info.mainField]: { $containsi: query._q } });
  const omit = [...asIds(query.idsToOmit), ...(await alreadyLinked(strapi, ctx, info))];
  if (omit.length > 0) and.push({ id: { $notIn: omit } });
  const page = Math.max(1, Number(query.page ?? 1) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(query.pageSize ?? 10) || 10));
  const result = (await strapi.db.query(targetUid as never).findPage({
    select: info.fieldsToSelect,
    where: { $and: and },
    orderBy: info.mainField,
    page,
    pageSize,
  })) as { results: Array<Record<string, unknown>>; pagination: unknown };
  return {
    ...result,
    results: draftAndPublish ? await withStatus(strapi, targetUid, result.results) : result.results,
  };
}

/** Targets already linked to the source entry (the picker leaves them out, as Strapi's does). */
async function alreadyLinked(strapi: Core.Strapi, ctx: Ctx, info: RequestInfo): Promise<number[]> {
  const id = ctx.request.query.id;
  if (id === undefined || id === null || id === '') return [];
  const where: Record<string, unknown> =
    info.sourceSchema.modelType === 'contentType' ? { documentId: String(id) } : { id: Number(id) };
  if (info.sourceSchema.options?.draftAndPublish)
    where.publishedAt = info.status === 'published' ? { $notNull: true } : { $null: true };
  if (info.source.isLocalized && info.locale) where.locale = info.locale;
  const entry = (await strapi.db.query(info.sourceSchema.uid as never).findOne({
    where,
    populate: { [ctx.params.targetField]: { select: ['id'] } },
  })) as Record<string, unknown> | null;
  const linked = entry?.[ctx.params.targetField];
  const list = Array.isArray(linked) ? linked : linked ? [linked] : [];
  return list.map((l) => Number((l as { id: number }).id));
}

function asIds(value: unknown): number[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map(Number).filter((n) => Number.isInteger(n));
}

/** The picker's badge (draft / published / modified), as the content manager computes it. */
async function withStatus(strapi: Core.Strapi, uid: string, rows: Array<Record<string, unknown>>) {
  if (rows.length === 0) return rows;
  const metadata = strapi.plugin('content-manager').service('document-metadata') as {
    getStatus: (version: unknown, others: unknown[]) => string;
  };
  const wantPublished = rows[0]!.publishedAt === null;
  const others = (await strapi.db.query(uid as never).findMany({
    select: ['id', 'documentId', 'locale', 'updatedAt', 'createdAt', 'publishedAt'],
    where: {
      documentId: { $in: rows.map((r) => r.documentId) },
      publishedAt: wantPublished ? { $notNull: true } : { $null: true },
    },
  })) as Array<Record<string, unknown>>;
  return rows.map((row) => {
    const candidates = others.filter(
      (o) => o.documentId === row.documentId && (!row.locale || o.locale === row.locale),
    );
    return { ...row, status: metadata.getStatus(row, candidates) };
  });
}
