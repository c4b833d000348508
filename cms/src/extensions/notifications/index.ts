import type { Core } from '@strapi/strapi';
import { Mailer, readMailSettings, type OutgoingMail } from './mailer';

export { siteStaffEmails, activeAdmin, adminEditUrl, statusPageUrl } from './recipients';
export type { OutgoingMail } from './mailer';

let mailer: Mailer | null = null;

/** Bootstrap: the SMTP transport from the environment (or none, said once). */
export function startNotifications(strapi: Core.Strapi): void {
  const settings = readMailSettings();
  mailer = new Mailer(settings, (level, line) => strapi.log[level](line));
  if (!settings)
    strapi.log.info('notifications: SMTP_HOST is not set; emails about submissions are not sent');
}

/**
 * Sends a message once the current database transaction (if any) has committed: nobody is told
 * about a write that was rolled back.
 */
export async function notifyAfterCommit(strapi: Core.Strapi, mail: OutgoingMail): Promise<void> {
  if (!mailer?.enabled || mail.to.length === 0) return;
  const target = mailer;
  await strapi.db.transaction(async ({ onCommit }) => {
    onCommit(() => target.send(mail));
  });
}

/** Resolves when queued messages are sent (tests; shutdown). */
export async function flushNotifications(): Promise<void> {
  await mailer?.flush();
}

export function notificationStats(): { sent: number; failed: number; enabled: boolean } {
  return { ...(mailer?.stats ?? { sent: 0, failed: 0 }), enabled: mailer?.enabled ?? false };
}

/** Destroy: send what is queued, close the connection pool. */
export async function stopNotifications(): Promise<void> {
  await mailer?.close();
  mailer = null;
}
