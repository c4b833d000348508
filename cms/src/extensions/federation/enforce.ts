import type { Core } from '@strapi/strapi';
import { inScope, mayLinkTo } from '@pbgdpl/domain';
import { currentCaller, type Caller } from './caller';
import { callerScope, type CallerScope } from './scope';
import { MESSAGES, invalid, refusal } from './messages';
import { addedRefs, parseRelationInput, toOneAfter } from './relation-input';
import { findSite, linkCandidate, storedOwner } from './lookups';
import {
  AUDIT_ENTRY,
  DOCUMENT_RELATION,
  LEGAL_DOCUMENT,
  MEMBERSHIP,
  NATIONAL_ONLY_TYPES,
  SITE,
  UNIT_EDITABLE_SITE_FIELDS,
  siteOwnedTypes,
} from './types';

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);
const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

type Params = {
  documentId?: string;
  locale?: string;
  status?: string;
  data?: Record<string, unknown>;
  filters?: Record<string, unknown>;
};

interface WriteCheck {
  strapi: Core.Strapi;
  uid: string;
  action: string;
  params: Params;
  caller: Caller;
  scope: CallerScope;
  owned: Set<string>;
}

/**
 * The federation's boundary as a Document Service middleware, so it holds whatever path a
 * request takes (admin panel, REST, GraphQL, API tokens, scripts run inside a request):
 * - writes to an item owned by a site outside the caller's scope are refused (403), and so is
 *   giving an item to such a site or linking it to another unit's item or a national draft;
 * - drafts of site-owned types are read only within the scope (the admin panel's lists, counts
 *   and look-ups, a site-bound token asking for drafts);
 * - the audit log cannot be written through the Document Service at all, by anyone.
 * System writes (no request: seed, scripts, cron) pass untouched.
 */
export function registerScopeEnforcement(strapi: Core.Strapi): void {
  let owned: Set<string> | null = null;
  strapi.documents.use(async (context, next) => {
    const uid = context.uid as string;
    if (!uid.startsWith('api::')) return next();
    const action = context.action as string;
    if (uid === AUDIT_ENTRY && WRITES.has(action)) throw refusal(MESSAGES.auditAppendOnly, 'action');
    const caller = currentCaller(strapi);
    if (caller.kind === 'system') return next();
    owned ??= siteOwnedTypes(strapi);
    const params = context.params as Params;

    if (READS.has(action)) {
      if (caller.kind === 'public') {
        publishedOnly(strapi, uid, params);
        return next();
      }
      const scope = await callerScope(strapi, caller)!;
      narrowRead(uid, params, scope, owned);
      return next();
    }
    if (!WRITES.has(action)) return next();
    const scope = await callerScope(strapi, caller)!;
    await checkWrite({ strapi, uid, action, params, caller, scope, owned });
    if (uid === MEMBERSHIP && (action === 'create' || action === 'update'))
      await resolveMemberEmail(strapi, caller, params);
    if (
      scope.scope.kind === 'all' ||
      !citesDocuments(strapi, uid) ||
      (action !== 'create' && action !== 'update')
    )
      return next();
    // Citations are resolved from numbers further in (citations extension): check what they
    // resolved to before the write commits.
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (documentId) await checkCitations(strapi, uid, documentId, scope);
      return result;
    });
  });
}

function citesDocuments(strapi: Core.Strapi, uid: string): boolean {
  const attribute = (
    strapi.contentType(uid as never).attributes as Record<string, { type?: string; component?: string }>
  ).citations;
  return attribute?.type === 'component' && attribute.component === 'shared.legal-citation';
}

/**
 * A unit may cite published documents (national laws, other units' published resolutions) and
 * its own drafts, never another unit's unpublished document: its title would be copied into the
 * citation.
 */
async function checkCitations(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  scope: CallerScope,
): Promise<void> {
  const rows = (await strapi.db.query(uid as never).findMany({
    where: { documentId, publishedAt: null },
    populate: { citations: true },
  })) as Array<{ citations?: Array<{ citedDocumentId?: string | null; documentNumber?: string }> }>;
  const cited = rows.flatMap((r) => r.citations ?? []).filter((c) => c.citedDocumentId);
  for (const [index, citation] of cited.entries()) {
    const target = await linkCandidate(strapi, LEGAL_DOCUMENT, { documentId: citation.citedDocumentId! });
    if (!target || target.published || inScope(scope.scope, target.owningSiteId)) continue;
    throw refusal(MESSAGES.citationOutOfScope(index + 1, citation.documentNumber ?? ''), 'citations');
  }
}

/**
 * Anonymous readers of the content API (REST find/findOne, GraphQL) see published versions
 * only: Strapi 5 would otherwise answer `?status=draft` for any type the Public role may read.
 * Custom public routes (a question form reading its own submission) are left to their code.
 */
function publishedOnly(strapi: Core.Strapi, uid: string, params: Params): void {
  if (params.status === 'published') return;
  const model = strapi.contentType(uid as never) as { options?: { draftAndPublish?: boolean } };
  if (!model.options?.draftAndPublish) return;
  const ctx = strapi.requestContext.get() as
    { path?: string; state?: { route?: { handler?: unknown; info?: { type?: string } } } } | undefined;
  const route = ctx?.state?.route;
  const coreRead =
    route?.info?.type === 'content-api' &&
    typeof route.handler === 'string' &&
    /\.(find|findOne)$/.test(route.handler);
  const graphql = typeof ctx?.path === 'string' && ctx.path.startsWith('/graphql');
  if (coreRead || graphql) params.status = 'published';
}

/** Drafts (and memberships, audit entries) of sites outside the scope are not read. */
function narrowRead(uid: string, params: Params, scope: CallerScope, owned: Set<string>): void {
  if (scope.scope.kind === 'all') return;
  let clause: Record<string, unknown> | null = null;
  if (owned.has(uid) && params.status !== 'published')
    clause = { owningSite: { id: { $in: scope.siteIds } } };
  if (uid === MEMBERSHIP || uid === AUDIT_ENTRY) clause = { site: { id: { $in: scope.siteIds } } };
  if (!clause) return;
  params.filters = params.filters ? { $and: [params.filters, clause] } : clause;
}

async function checkWrite(check: WriteCheck): Promise<void> {
  const { uid, action, caller, scope } = check;
  if (uid === SITE && action === 'delete') throw refusal(MESSAGES.siteDelete, 'code');
  if (caller.kind === 'public') {
    // Citizens' forms create items (questions) through routes that pick their fields; nothing else.
    if (action === 'create' && check.owned.has(uid)) return;
    throw refusal(MESSAGES.publicWrite, 'documentId');
  }
  if (scope.scope.kind === 'all') return;
  if (check.owned.has(uid)) return checkSiteOwned(check);
  if (uid === MEMBERSHIP) return checkMembership(check);
  if (uid === SITE) return checkSiteRecord(check);
  if (uid === DOCUMENT_RELATION) return checkDocumentRelation(check);
  if (NATIONAL_ONLY_TYPES.includes(uid)) {
    const name = (check.strapi.contentType(uid as never) as { info?: { displayName?: string } }).info
      ?.displayName;
    throw refusal(MESSAGES.nationalOnly(name ?? uid), 'documentId');
  }
}

async function checkSiteOwned(check: WriteCheck): Promise<void> {
  const { strapi, uid, action, params, scope } = check;
  const data = params.data ?? {};
  let existing = false;
  if (action !== 'create' && params.documentId) {
    const stored = await storedOwner(strapi, uid, params.documentId);
    existing = stored.exists;
    for (const owner of stored.owners)
      if (!inScope(scope.scope, owner ? String(owner.id) : null))
        throw refusal(MESSAGES.outOfScope(owner), 'owningSite');
  }
  if (action !== 'create' && action !== 'update' && action !== 'clone') return;

  const change = parseRelationInput('owningSite' in data, data.owningSite);
  for (const ref of addedRefs(change)) {
    const site = await findSite(strapi, ref);
    if (!site || !inScope(scope.scope, String(site.id)))
      throw refusal(MESSAGES.ownerOutOfScope(site), 'owningSite');
  }
  const after = toOneAfter(change);
  if (after === null && existing) throw invalid(MESSAGES.ownerCannotBeEmpty, 'owningSite');
  if ((after === null || after === 'unchanged') && !existing && action !== 'clone') {
    // A new item: with a single site in scope it is that site's; otherwise the editor picks.
    if (scope.siteIds.length !== 1) throw invalid(MESSAGES.ownerRequired, 'owningSite');
    const site = await findSite(strapi, { id: scope.siteIds[0]! });
    params.data = { ...data, owningSite: site ? { set: [{ id: site.id }] } : null };
  }
  await checkLinks(check);
}

/** Relations to other site-owned items: own items, or published national ones. */
async function checkLinks(check: WriteCheck): Promise<void> {
  const { strapi, uid, params, scope, owned } = check;
  const attributes = strapi.contentType(uid as never).attributes as Record<
    string,
    { type: string; target?: string }
  >;
  for (const [field, value] of Object.entries(params.data ?? {})) {
    const attribute = attributes[field];
    if (attribute?.type !== 'relation' || !attribute.target || !owned.has(attribute.target)) continue;
    for (const ref of addedRefs(parseRelationInput(true, value))) {
      const target = await linkCandidate(strapi, attribute.target, ref);
      if (!target) continue; // Strapi itself refuses a relation to nothing.
      if (!mayLinkTo(scope.scope, target)) throw refusal(MESSAGES.linkOutOfScope(target.label), field);
    }
  }
}

async function checkMembership(check: WriteCheck): Promise<void> {
  const { strapi, action, params, scope, caller } = check;
  if (caller.kind !== 'admin' || !scope.unitAdmin) throw refusal(MESSAGES.membershipAdminOnly, 'site');
  if (action !== 'create' && params.documentId) {
    const row = (await strapi.db.query(MEMBERSHIP).findOne({
      where: { documentId: params.documentId },
      populate: { site: { select: ['id', 'code', 'name'] } },
    })) as { site: { id: number; code: string; name: string } | null } | null;
    if (row && !inScope(scope.scope, row.site ? String(row.site.id) : null))
      throw refusal(MESSAGES.outOfScope(row.site), 'site');
  }
  const data = params.data ?? {};
  const change = parseRelationInput('site' in data, data.site);
  for (const ref of addedRefs(change)) {
    const site = await findSite(strapi, ref);
    if (!site || !inScope(scope.scope, String(site.id)))
      throw refusal(MESSAGES.ownerOutOfScope(site), 'site');
  }
  if (action === 'create' && addedRefs(change).length === 0)
    throw invalid(MESSAGES.membershipSiteRequired, 'site');
}

/**
 * Email → admin user id, and one membership per person and site (for every caller). An email
 * with no account gets one, inactive, with the membership's role and an invitation link stored
 * on the membership (the administrator sends it; the person sets a password on first visit).
 * Runs inside the audit middleware's transaction: a membership that fails leaves no account.
 */
async function resolveMemberEmail(strapi: Core.Strapi, caller: Caller, params: Params): Promise<void> {
  const data = params.data;
  if (!data || typeof data.email !== 'string') return;
  const email = data.email.trim().toLowerCase();
  let user = (await strapi.db.query('admin::user').findOne({ where: { email }, select: ['id'] })) as {
    id: number;
  } | null;
  let inviteUrl: string | undefined;
  if (!user) {
    if (caller.kind === 'public' || caller.kind === 'token')
      throw invalid(MESSAGES.membershipUnknownEmail(email), 'email');
    const invited = await inviteAccount(
      strapi,
      email,
      typeof data.role === 'string' ? data.role : 'unit_editor',
    );
    user = { id: invited.id };
    inviteUrl = invited.inviteUrl;
  }
  params.data = { ...data, email, adminUserId: user.id, ...(inviteUrl ? { inviteUrl } : {}) };
  const siteRef = toOneAfter(parseRelationInput('site' in data, data.site));
  if (siteRef && siteRef !== 'unchanged') {
    const site = await findSite(strapi, siteRef);
    const twin = site
      ? ((await strapi.db.query(MEMBERSHIP).findOne({
          where: {
            adminUserId: user.id,
            site: { id: site.id },
            documentId: { $ne: params.documentId ?? '' },
          },
        })) as object | null)
      : null;
    if (twin) throw invalid(MESSAGES.membershipDuplicate(email), 'email');
  }
}

/** A new, inactive admin account with a unit role, and the link that lets its owner register. */
async function inviteAccount(
  strapi: Core.Strapi,
  email: string,
  role: string,
): Promise<{ id: number; inviteUrl: string }> {
  const code = `pbgdpl-${role.replace(/_/g, '-')}`;
  if (!['pbgdpl-unit-editor', 'pbgdpl-unit-reviewer', 'pbgdpl-unit-admin'].includes(code))
    throw invalid(MESSAGES.membershipRole, 'role');
  const stored = (await strapi.db.query('admin::role').findOne({ where: { code }, select: ['id'] })) as {
    id: number;
  } | null;
  if (!stored) throw invalid(MESSAGES.membershipRole, 'role');
  const user = (await strapi.service('admin::user').create({
    email,
    firstname: email.split('@')[0],
    roles: [stored.id],
    preferedLanguage: 'vi',
  })) as { id: number; registrationToken: string };
  const admin = String(strapi.config.get('admin.url', '/admin')).replace(/\/$/, '');
  const server = String(strapi.config.get('server.url', '')).replace(/\/$/, '');
  return {
    id: user.id,
    inviteUrl: `${server}${admin}/auth/register?registrationToken=${user.registrationToken}`,
  };
}

async function checkSiteRecord(check: WriteCheck): Promise<void> {
  const { strapi, action, params, scope } = check;
  const name = 'Trang PBGDPL (đơn vị)';
  if (action !== 'update' || !scope.unitAdmin || !params.documentId)
    throw refusal(MESSAGES.nationalOnly(name), 'code');
  const site = (await strapi.db.query(SITE).findOne({
    where: { documentId: params.documentId },
    select: ['id', 'code', 'name'],
  })) as { id: number; code: string; name: string } | null;
  if (!site || !inScope(scope.scope, String(site.id))) throw refusal(MESSAGES.outOfScope(site), 'code');
  const bookkeeping = [
    'updatedBy',
    'createdBy',
    'updatedAt',
    'createdAt',
    'publishedAt',
    'locale',
    'documentId',
    'id',
  ];
  const forbidden = Object.keys(params.data ?? {}).filter(
    (f) => !UNIT_EDITABLE_SITE_FIELDS.includes(f) && !bookkeeping.includes(f),
  );
  if (forbidden.length > 0) throw refusal(MESSAGES.siteFieldsNotAllowed(forbidden), forbidden[0]!);
}

/** A relation between documents belongs to its source document's site. */
async function checkDocumentRelation(check: WriteCheck): Promise<void> {
  const { strapi, action, params, scope } = check;
  const sources: Array<string | null> = [];
  if (action !== 'create' && params.documentId) {
    const row = (await strapi.db.query(DOCUMENT_RELATION).findOne({
      where: { documentId: params.documentId },
      select: ['sourceDocumentId'],
    })) as { sourceDocumentId: string | null } | null;
    if (row) sources.push(row.sourceDocumentId);
  }
  const data = params.data ?? {};
  if ('sourceDocumentId' in data) sources.push((data.sourceDocumentId as string | null) ?? null);
  if (action === 'create' && !('sourceDocumentId' in data)) sources.push(null);
  for (const source of sources) {
    const owner = source ? await storedOwner(strapi, LEGAL_DOCUMENT, source) : { exists: false, owners: [] };
    const ok = owner.exists && owner.owners.every((o) => inScope(scope.scope, o ? String(o.id) : null));
    if (!ok) throw refusal(MESSAGES.relationSourceOutOfScope, 'sourceDocumentId');
  }
}
