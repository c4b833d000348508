import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { COMPONENT_FIELD_TEXTS, CONTENT_TYPE_FIELD_TEXTS, type FieldTexts } from '@pbgdpl/domain';
import { buildConfiguration, type CmAttribute, type CmConfiguration } from './configuration';
import { COMPONENT_LAYOUTS, CONTENT_TYPE_LAYOUTS, type LayoutSpec } from './layouts';
import { contentTypeUid } from '../../content-types';

export { CONTENT_TYPE_LAYOUTS, COMPONENT_LAYOUTS };

/**
 * Bump when the way layouts are built changes (not for a text or spec change: those change the
 * fingerprint of the types concerned by themselves).
 */
export const ADMIN_LAYOUT_VERSION = 1;

/** Where we remember what we last wrote for each type: its fingerprint. */
const MARKER = { type: 'plugin', name: 'pbgdpl_admin_layout' } as const;
const MARKER_KEY = 'fingerprints';

interface CmModel {
  uid: string;
  attributes: Record<string, CmAttribute>;
}

interface ConfigurationService {
  findConfiguration(model: CmModel): Promise<CmConfiguration & { uid: string }>;
  updateConfiguration(model: CmModel, configuration: CmConfiguration): Promise<unknown>;
}

interface Target {
  uid: string;
  model: CmModel;
  spec: LayoutSpec;
  texts: FieldTexts;
  service: ConfigurationService;
}

export interface AdminLayoutResult {
  /** Types and components whose configuration we wrote (new, or our version of it changed). */
  written: string[];
  /** Left as they are: our version is the one already written, and administrators may have edited since. */
  kept: string[];
}

/**
 * Writes the content manager's configuration of every content type and component we describe:
 * Vietnamese labels and hints on every field, list columns, default sort, the main field shown for
 * relations, the order and width of the edit form. Runs in bootstrap, after the content manager
 * has synced its own configurations.
 *
 * Idempotent, and it respects administrators: a type is written only when what we would write
 * differs from what we last wrote for it (a fingerprint of our spec, texts and the type's fields,
 * stored in the core store). Layout changes made in the admin afterwards stay until our version
 * of that type changes.
 */
export async function applyAdminLayouts(
  strapi: Core.Strapi,
  options: { version?: number } = {},
): Promise<AdminLayoutResult> {
  const version = options.version ?? ADMIN_LAYOUT_VERSION;
  const contentManager = strapi.plugin('content-manager');
  const fieldSizes = contentManager.service('field-sizes') as {
    getFieldSize(type: string): { default: number; isResizable: boolean };
  };
  const store = strapi.store(MARKER);
  const fingerprints = ((await store.get({ key: MARKER_KEY })) ?? {}) as Record<string, string>;
  const mainFieldOf = (uid: string) =>
    CONTENT_TYPE_LAYOUTS[/^api::([a-z-]+)\./.exec(uid)?.[1] ?? '']?.mainField;

  const result: AdminLayoutResult = { written: [], kept: [] };
  for (const target of targets(strapi)) {
    const fingerprint = fingerprintOf(version, target, mainFieldOf);
    if (fingerprints[target.uid] === fingerprint) {
      result.kept.push(target.uid);
      continue;
    }
    const current = await target.service.findConfiguration(target.model);
    const configuration = buildConfiguration({
      current,
      attributes: target.model.attributes,
      spec: target.spec,
      texts: target.texts,
      fieldSize: (type) => fieldSizes.getFieldSize(type),
      mainFieldOf,
    });
    await target.service.updateConfiguration(target.model, configuration);
    fingerprints[target.uid] = fingerprint;
    result.written.push(target.uid);
  }
  if (result.written.length > 0) {
    await store.set({ key: MARKER_KEY, value: fingerprints });
    strapi.log.info(`admin-layout: wrote the admin configuration of ${result.written.length} types`);
  }
  return result;
}

/** Every described content type and component that exists in this app. */
function targets(strapi: Core.Strapi): Target[] {
  const contentManager = strapi.plugin('content-manager');
  type Finder = ConfigurationService & {
    findContentType(uid: string): unknown;
    findComponent(uid: string): unknown;
  };
  const contentTypes = contentManager.service('content-types') as unknown as Finder;
  const components = contentManager.service('components') as unknown as Finder;
  const found: Target[] = [];
  for (const [name, spec] of Object.entries(CONTENT_TYPE_LAYOUTS)) {
    const uid = contentTypeUid(name);
    const model = contentTypes.findContentType(uid) as CmModel | undefined;
    if (model)
      found.push({ uid, model, spec, texts: CONTENT_TYPE_FIELD_TEXTS[name] ?? {}, service: contentTypes });
  }
  for (const [uid, spec] of Object.entries(COMPONENT_LAYOUTS)) {
    const model = components.findComponent(uid) as CmModel | undefined;
    if (model) found.push({ uid, model, spec, texts: COMPONENT_FIELD_TEXTS[uid] ?? {}, service: components });
  }
  return found;
}

/** Changes whenever what we would write for this type changes: version, spec, texts or fields. */
function fingerprintOf(
  version: number,
  target: Target,
  mainFieldOf: (uid: string) => string | undefined,
): string {
  const fields = Object.entries(target.model.attributes).map(([name, a]) => [
    name,
    a.type,
    a.targetModel ? (mainFieldOf(a.targetModel) ?? null) : null,
  ]);
  const texts = Object.fromEntries(fields.map(([name]) => [name, target.texts[name as string] ?? null]));
  return createHash('sha256')
    .update(JSON.stringify({ version, spec: target.spec, texts, fields }))
    .digest('hex');
}
