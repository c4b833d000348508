import type { Core } from '@strapi/strapi';
import { ADOPTION, registerAdoptionCheck } from './adoption';
import { registerFederationConditions } from './conditions';
import { guardContentManager } from './content-manager-guard';
import { registerScopeEnforcement } from './enforce';
import { restrictRelationPicker } from './relation-picker';
import { guardContentApiUploadReads, guardUploadBulkActions, registerUploadPlacement } from './upload-guard';
import { bootstrapSiteFolders, registerSiteFolders } from './media-folders';
import { ensureFederationRoles } from './roles';
import { AUDIT_ENTRY, MEMBERSHIP, SITE_REDIRECT } from './types';

export {
  ensureSiteAccount,
  AccountError,
  passwordProblem,
  type AccountInput,
  type AccountResult,
} from './members';
export { createSiteToken, type SiteToken } from './tokens';
export { runAsOperator, currentCaller, type Caller } from './caller';
export { adminScope, callerScope, type CallerScope } from './scope';

/**
 * Register phase: the scope middleware on the Document Service, the content manager's relation
 * picker and guard, the media library's bulk actions, and the internal types kept out of the
 * public GraphQL schema.
 */
export function registerFederation(strapi: Core.Strapi): void {
  registerScopeEnforcement(strapi);
  registerAdoptionCheck(strapi);
  restrictRelationPicker(strapi);
  guardContentManager(strapi);
  guardUploadBulkActions(strapi);
  guardContentApiUploadReads(strapi);
  registerSiteFolders(strapi);
  const graphql = strapi.plugin('graphql')?.service('extension') as
    { shadowCRUD: (uid: string) => { disable: () => void; disableMutations: () => void } } | undefined;
  for (const uid of [AUDIT_ENTRY, MEMBERSHIP, SITE_REDIRECT]) graphql?.shadowCRUD(uid).disable();
  // Adoptions are read by the site template (content-client) and written in the admin only, as
  // over REST (find/findOne): no GraphQL mutations.
  graphql?.shadowCRUD(ADOPTION).disableMutations();
}

/**
 * Bootstrap phase: the RBAC conditions, then the five roles that use them; each site's folder in
 * the media library, and where uploads go.
 */
export async function bootstrapFederation(strapi: Core.Strapi): Promise<void> {
  await registerFederationConditions(strapi);
  await ensureFederationRoles(strapi);
  await bootstrapSiteFolders(strapi);
  registerUploadPlacement(strapi);
}
