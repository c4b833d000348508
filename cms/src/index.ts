import type { Core } from '@strapi/strapi';
import { ensureContentLocales } from './extensions/locales';
import { grantPublicRead } from './extensions/public-access';
import { registerLocaleFactSync } from './extensions/locale-facts';
import { registerValidity, recomputeAllValidity } from './extensions/validity';
import { registerDocumentValidation } from './extensions/document-validation';
import { registerEditorialValidation } from './extensions/editorial-validation';
import { applyAdminLayouts } from './extensions/admin-layout';
import { ensureIndexes } from './extensions/indexes';
import {
  bumpContentVersion,
  closeReadCache,
  prepareReadCache,
  registerReadCacheInvalidation,
} from './extensions/read-cache';
import { bootstrapFederation, registerFederation } from './extensions/federation';
import { guardAuditLog, registerAudit } from './extensions/audit';
import { registerCitations } from './extensions/citations';
import { registerReview } from './extensions/review';
import { registerSchedule, scheduleCronTasks } from './extensions/schedule';
import { bootstrapSubmissions, registerSubmissions } from './extensions/submissions';
import { bootstrapDemand, registerDemand } from './extensions/demand';
import { bootstrapModeration, registerModeration } from './extensions/moderation';
import { startNotifications, stopNotifications } from './extensions/notifications';
import { assertPrivateFields } from './extensions/privacy';
import {
  captureDateDrivenChanges,
  changeCaptureCronTasks,
  prepareChangeCapture,
  registerChangeCapture,
} from './extensions/change-capture';
import { bootstrapCoverage, coverageCronTasks } from './extensions/coverage';
import { registerUploadLimits } from './extensions/upload-limits';
import { registerObservability } from './extensions/observability';
import { registerBodyPrecheck, registerRequestBody } from './extensions/request-body';
import { registerOrigins } from './extensions/origins';
import { registerPublicErrors } from './extensions/public-errors';
import { registerSecurityHeaders } from './extensions/security-headers';
import { bootstrapLoginBackoff, registerLoginBackoff } from './extensions/login-backoff';
import { closeEndUserAccounts, revokeEndUserPermissions } from './extensions/end-user-accounts';
import { openDataCronTasks } from './extensions/open-data';

export default {
  /** Runs before the app is initialised: install Document Service middlewares here. */
  register({ strapi }: { strapi: Core.Strapi }) {
    // The i18n plugin reads this on an empty database only; `vi` is the platform's default.
    process.env.STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE ??= 'vi';
    // First of the HTTP middlewares installed here, so it wraps all others: request ids, /metrics.
    registerObservability(strapi);
    // The public surface, outermost first (Koa middlewares ahead of Strapi's own; docs/security.md):
    // Strapi's refusals on the public API in Vietnamese, Permissions-Policy on every answer,
    // admin API writes only from the admin's origin, sign-in backoff, no end-user accounts.
    registerPublicErrors(strapi);
    registerSecurityHeaders(strapi);
    // First, so it is the outermost Document Service middleware: the version moves after every other effect.
    registerReadCacheInvalidation(strapi);
    // Next, the audit log (it records refusals) around the federation's scope check, so an
    // out-of-scope write is refused before any other middleware looks at it.
    registerAudit(strapi);
    registerFederation(strapi);
    // Citizens' questions: assignment, forwarding to another unit (a deliberate change of owner,
    // after the scope check), answering and publishing; before validation so it can fill fields.
    registerModeration(strapi);
    registerDocumentValidation(strapi);
    registerEditorialValidation(strapi);
    registerLocaleFactSync(strapi);
    registerValidity(strapi);
    registerCitations(strapi);
    registerReview(strapi);
    registerSchedule(strapi);
    // Uploads: a video up to 500 MB, other files 50 MB, refused in Vietnamese beyond that.
    registerUploadLimits(strapi);
    // Bodies are read only once a route has authorised the caller, within the caller's limit.
    registerRequestBody(strapi);
    // Admin API writes only from the admin panel's origin (CORS itself: config/middlewares.ts).
    registerOrigins(strapi);
    registerLoginBackoff(strapi);
    closeEndUserAccounts(strapi);
    // Public forms: their route guard sits ahead of Strapi's middlewares; contact data stays private.
    assertPrivateFields(strapi);
    registerSubmissions(strapi);
    // The sites' search beacon: aggregate counts only, ahead of Strapi's middlewares (issue 8).
    registerDemand(strapi);
    // Bodies no caller may send (on a GET, compressed, past every limit) refused before any other layer.
    registerBodyPrecheck(strapi);
    // Last, so innermost: change events are written in the write's own transaction (sync engine).
    registerChangeCapture(strapi);
  },

  /** Runs once the database and plugins are ready, before the server listens. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureContentLocales(strapi);
    await bootstrapFederation(strapi);
    await guardAuditLog(strapi);
    await grantPublicRead(strapi);
    await revokeEndUserPermissions(strapi);
    await bootstrapLoginBackoff(strapi);
    await applyAdminLayouts(strapi);
    await bootstrapModeration(strapi);
    await ensureIndexes(strapi);
    await prepareReadCache(strapi);
    startNotifications(strapi);
    await bootstrapSubmissions(strapi);
    await bootstrapDemand(strapi);
    await prepareChangeCapture(strapi);
    strapi.cron.add({
      // Documents enter into force and expire at 00:00 in Vietnam: recompute their status then.
      validityAtMidnight: {
        task: async () => {
          const changed = await recomputeAllValidity(strapi);
          await captureDateDrivenChanges(strapi, new Date());
          if (changed > 0) await bumpContentVersion(strapi);
          strapi.log.info(`validity: nightly recompute changed ${changed} documents`);
        },
        options: { rule: '0 5 0 * * *', tz: 'Asia/Ho_Chi_Minh' },
      },
    });
    // Every minute: publish scheduled items that are due, move dialogues through their phases.
    strapi.cron.add(scheduleCronTasks(strapi));
    // Every minute: change events for dates that came (newly effective lists, dialogue phases).
    strapi.cron.add(changeCaptureCronTasks(strapi));
    // National oversight: coverage routes; nightly computation at 01:30, weekly digest on Mondays.
    bootstrapCoverage(strapi);
    strapi.cron.add(coverageCronTasks(strapi));
    // Open data: every public type exported nightly at 02:15 into OPEN_DATA_DIR (when set).
    strapi.cron.add(openDataCronTasks(strapi));
  },

  /** Runs when the app stops (server shutdown, tests): release connections of our own. */
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await closeReadCache(strapi);
    await stopNotifications();
  },
};
