import type { Core } from '@strapi/strapi';
import { FEDERATION_ROLES, type FederationRoleCode } from '@pbgdpl/domain';
import { CONDITIONS } from './conditions';
import {
  AUDIT_ENTRY,
  DOCUMENT_RELATION,
  MEMBERSHIP,
  SITE,
  SITE_REDIRECT,
  UNIT_EDITABLE_SITE_FIELDS,
  siteOwnedTypes,
} from './types';
import { CONTENT_TYPES } from '../../content-types';

const CM = 'plugin::content-manager.explorer';
const EDIT = ['create', 'read', 'update', 'delete', 'publish'].map((a) => `${CM}.${a}`);
const READ = [`${CM}.read`];
const REFERENCE_TYPES = [
  SITE,
  CONTENT_TYPES.organization,
  CONTENT_TYPES.legalField,
  DOCUMENT_RELATION,
  SITE_REDIRECT,
];

interface Permission {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[]; locales?: string[] };
  conditions?: string[];
}

interface Action {
  actionId: string;
  subjects?: string[];
  section: string;
}

/**
 * Creates the federation's admin roles when missing and sets their permissions, at every boot:
 * the roles are defined here, in code, so every installation has the same ones and a new
 * content type is covered on the next start. Changes made by hand in Settings › Roles to these
 * five roles are overwritten at the next boot (create a custom role instead).
 */
export async function ensureFederationRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role');
  for (const role of Object.values(FEDERATION_ROLES)) {
    let stored = (await strapi.db.query('admin::role').findOne({ where: { code: role.code } })) as {
      id: number;
      name: string;
      description: string;
    } | null;
    if (!stored) {
      stored = await roles.create({ name: role.name, code: role.code, description: role.description });
    } else if (stored.name !== role.name || stored.description !== role.description) {
      await strapi.db.query('admin::role').update({
        where: { id: stored.id },
        data: { name: role.name, description: role.description },
      });
    }
    await roles.assignPermissions(stored!.id, await withLocales(strapi, rolePermissions(strapi, role.code)));
  }
}

/**
 * i18n limits content-manager permissions on localized types to the locales listed in the
 * permission: the federation roles work in every locale the CMS has.
 */
async function withLocales(strapi: Core.Strapi, permissions: Permission[]): Promise<Permission[]> {
  const locales = ((await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>).map(
    (l) => l.code,
  );
  const isLocalized = strapi.plugin('i18n').service('content-types').isLocalizedContentType as (
    model: unknown,
  ) => boolean;
  return permissions.map((p) =>
    p.subject && p.action.startsWith(CM) && isLocalized(strapi.contentType(p.subject as never))
      ? { ...p, properties: { ...p.properties, locales } }
      : p,
  );
}

/** The permissions of one federation role (see docs/adr/0003-federation.md for the table). */
export function rolePermissions(strapi: Core.Strapi, code: FederationRoleCode): Permission[] {
  const owned = [...siteOwnedTypes(strapi)];
  const ownSites = [CONDITIONS.owningSite];
  const editor = [
    ...contentPermissions(strapi, EDIT, owned, ownSites),
    ...contentPermissions(strapi, READ, REFERENCE_TYPES),
    ...contentPermissions(strapi, EDIT, [DOCUMENT_RELATION]),
    ...uploadPermissions([CONDITIONS.mediaReadable], [CONDITIONS.uploadedInScope]),
  ];
  switch (code) {
    case 'pbgdpl-national-admin': {
      const all = Object.keys(strapi.contentTypes).filter(
        (uid) => uid.startsWith('api::') && uid !== AUDIT_ENTRY,
      );
      return [
        ...contentPermissions(strapi, EDIT, all),
        ...contentPermissions(strapi, READ, [AUDIT_ENTRY]),
        ...uploadPermissions([], []),
        ...[
          'users.create',
          'users.read',
          'users.update',
          'users.delete',
          'roles.read',
          'api-tokens.access',
          'api-tokens.create',
          'api-tokens.read',
          'api-tokens.update',
          'api-tokens.regenerate',
          'api-tokens.delete',
        ].map((id) => ({ action: `admin::${id}` })),
      ];
    }
    case 'pbgdpl-unit-admin':
      return [
        ...editor,
        ...contentPermissions(strapi, EDIT, [MEMBERSHIP], [CONDITIONS.siteField]),
        ...contentPermissions(strapi, READ, [AUDIT_ENTRY], [CONDITIONS.siteField]),
        ...contentPermissions(
          strapi,
          [`${CM}.update`],
          [SITE],
          [CONDITIONS.siteRecord],
          UNIT_EDITABLE_SITE_FIELDS,
        ),
      ];
    case 'pbgdpl-national-editor':
    case 'pbgdpl-unit-reviewer':
    case 'pbgdpl-unit-editor':
      return editor;
  }
}

/** Content-manager permissions on the given types, with every field (or only `onlyFields`). */
function contentPermissions(
  strapi: Core.Strapi,
  actionIds: string[],
  subjects: string[],
  conditions: string[] = [],
  onlyFields?: readonly string[],
): Permission[] {
  const { actionProvider } = strapi.service('admin::permission');
  const actions = (actionProvider.values() as Action[])
    .filter((a) => a.section === 'contentTypes' && actionIds.includes(a.actionId))
    .map((a) => ({ ...a, subjects: (a.subjects ?? []).filter((s) => subjects.includes(s)) }));
  const permissions = strapi
    .service('admin::content-type')
    .getPermissionsWithNestedFields(actions) as Permission[];
  return permissions.map((p) => ({
    ...p,
    conditions,
    properties: onlyFields
      ? { fields: (p.properties?.fields ?? []).filter((f) => onlyFields.includes(f.split('.')[0]!)) }
      : p.properties,
  }));
}

/**
 * The media library: `read` conditions decide what a role sees and picks (its sites' folders,
 * the national folders, "Dùng chung"), `write` conditions what it edits, replaces and deletes
 * (its sites' folders). Uploads go to the uploader's site folder (upload-guard.ts).
 */
function uploadPermissions(read: string[], write: string[]): Permission[] {
  return [
    { action: 'plugin::upload.read', conditions: read },
    { action: 'plugin::upload.configure-view' },
    { action: 'plugin::upload.assets.create' },
    { action: 'plugin::upload.assets.update', conditions: write },
    { action: 'plugin::upload.assets.download', conditions: read },
    { action: 'plugin::upload.assets.copy-link', conditions: read },
  ];
}
