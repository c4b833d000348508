import type { Core } from '@strapi/strapi';
import { indexRegistry, placementOnSite, type RegistrySite, type SyndicationAudience } from '@pbgdpl/domain';
import { invalid } from './messages';
import { parseRelationInput, toOneAfter } from './relation-input';
import { findSite } from './lookups';
import { SITE } from './types';
import { CONTENT_TYPES, contentTypeUid } from '../../content-types';

export const ADOPTION = CONTENT_TYPES.siteAdoption;

type Params = { documentId?: string; data?: Record<string, unknown> };
type SiteRow = { id: number; kind: RegistrySite['kind']; enabled: boolean; parent: { id: number } | null };
type TargetRow = {
  title?: string | null;
  audience: SyndicationAudience;
  audienceSiteKinds: unknown;
  mandatory: boolean | null;
  owningSite: { id: number } | null;
  audienceProvinces: Array<{ id: number }>;
  fields: Array<{ id: number }>;
};

const WHY: Record<string, (title: string) => string> = {
  not_in_audience: (t) =>
    `Nội dung “${t}” không dành cho trang này: phạm vi hiển thị của nó không gồm trang của bạn.`,
  opted_out: (t) => `Trang của bạn đã chọn không theo dõi các lĩnh vực của nội dung “${t}”.`,
  site_disabled: () => 'Trang đang ngừng hoạt động: không chọn thêm nội dung.',
  no_owner: (t) => `Nội dung “${t}” chưa có trang sở hữu.`,
  unknown_site: () => 'Không tìm thấy trang chọn nội dung.',
};

/**
 * A site adopts an item onto its home page (with a local note) by reference, never by copy: the
 * adoption is valid only if the item is published and appears on that site by the syndication
 * rules (`placementOnSite`: audience, national-only push, opt-outs, mandatory). Runs inside the
 * federation's scope check, so the adopting site is already one of the caller's.
 * @throws errors.ValidationError (400) naming `targetDocumentId` otherwise.
 */
export function registerAdoptionCheck(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ADOPTION || (context.action !== 'create' && context.action !== 'update'))
      return next();
    const params = context.params as Params;
    const data = params.data ?? {};
    const stored = params.documentId
      ? ((await strapi.db.query(ADOPTION).findOne({
          where: { documentId: params.documentId },
          populate: { owningSite: { select: ['id'] } },
        })) as { targetType: string; targetDocumentId: string; owningSite: { id: number } | null } | null)
      : null;
    const targetType = String(data.targetType ?? stored?.targetType ?? '');
    const targetDocumentId = String(data.targetDocumentId ?? stored?.targetDocumentId ?? '');
    const ownerRef = toOneAfter(parseRelationInput('owningSite' in data, data.owningSite));
    const adopter =
      ownerRef === 'unchanged'
        ? (stored?.owningSite?.id ?? null)
        : ownerRef
          ? ((await findSite(strapi, ownerRef))?.id ?? null)
          : null;
    if (!targetType || !targetDocumentId || adopter === null) return next(); // Strapi and the federation report what is missing.

    const uid = contentTypeUid(targetType.replace(/_/g, '-'));
    const target = strapi.contentTypes[uid as never]
      ? ((await strapi.db.query(uid as never).findOne({
          where: { documentId: targetDocumentId, publishedAt: { $notNull: true } },
          populate: {
            owningSite: { select: ['id'] },
            audienceProvinces: { select: ['id'] },
            fields: { select: ['id'] },
          },
        })) as TargetRow | null)
      : null;
    if (!target)
      throw invalid(
        'Chỉ chọn được nội dung đã xuất bản; không tìm thấy bản đã xuất bản của nội dung này.',
        'targetDocumentId',
      );
    const title = target.title ?? targetDocumentId;

    const sites = await sitesAround(strapi, [adopter, target.owningSite?.id ?? null]);
    const adopterRow = sites.find((s) => s.id === String(adopter));
    const optedOut = (await strapi.db.query(SITE).findOne({
      where: { id: adopter },
      populate: { optedOutFields: { select: ['id'] } },
    })) as { optedOutFields: Array<{ id: number }> } | null;
    const parents = new Map(
      (
        (await strapi.db.query(CONTENT_TYPES.legalField).findMany({
          select: ['id'],
          populate: { parent: { select: ['id'] } },
        })) as Array<{ id: number; parent: { id: number } | null }>
      ).map((f) => [String(f.id), f.parent ? String(f.parent.id) : null]),
    );
    const placement = placementOnSite(
      {
        owningSiteId: target.owningSite ? String(target.owningSite.id) : null,
        audience: target.audience,
        audienceSiteKinds: Array.isArray(target.audienceSiteKinds)
          ? (target.audienceSiteKinds as RegistrySite['kind'][])
          : null,
        audienceProvinceIds: target.audienceProvinces.map((p) => String(p.id)),
        mandatory: target.mandatory === true,
        fieldIds: target.fields.map((f) => String(f.id)),
      },
      String(adopter),
      {
        registry: indexRegistry(sites),
        optedOutFieldIds: () => (optedOut?.optedOutFields ?? []).map((f) => String(f.id)),
        fieldParentOf: (id) => parents.get(id) ?? null,
      },
    );
    if (!adopterRow || !placement.appears)
      throw invalid(
        (WHY[placement.appears ? 'unknown_site' : placement.why] ?? WHY.unknown_site!)(title),
        'targetDocumentId',
      );
    params.data = { ...data, targetTitle: title.slice(0, 500) };
    return next();
  });
}

/** The given sites and all their ancestors, as the syndication rules need them. */
async function sitesAround(strapi: Core.Strapi, ids: Array<number | null>): Promise<RegistrySite[]> {
  const found = new Map<number, SiteRow>();
  let frontier = ids.filter((id): id is number => id !== null);
  while (frontier.length > 0) {
    const rows = (await strapi.db.query(SITE).findMany({
      where: { id: { $in: frontier } },
      select: ['id', 'kind', 'enabled'],
      populate: { parent: { select: ['id'] } },
    })) as SiteRow[];
    for (const row of rows) found.set(row.id, row);
    frontier = rows.map((r) => r.parent?.id).filter((id): id is number => id !== undefined && !found.has(id));
  }
  return [...found.values()].map((s) => ({
    id: String(s.id),
    kind: s.kind,
    parentId: s.parent ? String(s.parent.id) : null,
    enabled: s.enabled !== false,
  }));
}
