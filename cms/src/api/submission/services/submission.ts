import type { Core } from '@strapi/strapi';
import { submissionSettings } from '../../../extensions/submissions';
import { issueFormToken } from '../../../extensions/submissions/token';
import { responseTimesBySite } from '../../../extensions/moderation/response-times';
import { flushNotifications, notificationStats } from '../../../extensions/notifications';
import { eraseAskerData } from '../../../extensions/privacy';

/**
 * `strapi.service('api::submission.submission')`: what other parts of the platform (the
 * national oversight view, operator commands, tests, the load benchmark) use of the forms.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The live settings object (rate limits, token lifetimes); changing it takes effect at once. */
  settings: submissionSettings,

  /** A form token for `siteCode`, as issued at `now` (tests drive the clock with it). */
  issueToken(siteCode: string, options: { now?: Date; lifetimeSeconds?: number } = {}): string {
    const settings = submissionSettings();
    return issueFormToken(
      settings.secret,
      siteCode,
      options.now ?? new Date(),
      options.lifetimeSeconds ?? settings.liveTokenSeconds,
    );
  },

  /** Received → answered per site (median and 90th percentile hours) for questions received in [from, to). */
  responseTimes(options: { from?: Date; to?: Date; siteCodes?: string[] } = {}) {
    return responseTimesBySite(strapi, options);
  },

  /** Erase askers' contact data (see ../../../extensions/privacy). */
  eraseAskerData(request: Parameters<typeof eraseAskerData>[1]) {
    return eraseAskerData(strapi, request);
  },

  flushNotifications,
  notificationStats,
});
