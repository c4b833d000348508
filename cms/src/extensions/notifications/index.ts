import type { Core } from '@strapi/strapi';
import { Mailer, readMailSettings, type OutgoingMail } from './mailer';
import { enqueue } from './outbox';
import { OutboxWorker } from './worker';

export { siteStaffEmails, activeAdmin, adminEditUrl, statusPageUrl } from './recipients';
export type { OutgoingMail } from './mailer';

let worker: OutboxWorker | null = null;
let mailer: Mailer | null = null;

/**
 * Bootstrap: the SMTP transport from the environment and the outbox's worker loop, which also
 * sends what a previous run left queued (or says once that no email is sent). The outbox table
 * is created by a migration, before bootstrap.
 */
export function startNotifications(strapi: Core.Strapi): void {
  const settings = readMailSettings();
  if (!settings) {
    strapi.log.info('notifications: SMTP_HOST is not set; emails about submissions are not sent');
    return;
  }
  mailer = new Mailer(settings);
  worker = new OutboxWorker(strapi.db.connection, {
    mailer,
    settings,
    postgres: strapi.db.dialect.client === 'postgres',
    log: (level, line) => strapi.log[level](line),
  });
  worker.start();
}

/**
 * Queues a message in the outbox within the current database transaction (if any), so it is
 * stored exactly when the write that caused it commits: nobody is told about a write that was
 * rolled back, and a message queued when the process dies is sent after the restart. One row
 * per recipient (one envelope each: staff do not see each other's addresses). It leaves as soon
 * as the transaction has committed.
 */
export async function notifyAfterCommit(strapi: Core.Strapi, mail: OutgoingMail): Promise<void> {
  const target = worker;
  if (!target || mail.to.length === 0) return;
  await strapi.db.transaction(async ({ trx, onCommit }) => {
    if ((await enqueue(trx, mail, new Date())) > 0) onCommit(() => target.kick());
  });
}

/**
 * Resolves when the messages due at `now` (default: now) were handed to the SMTP server or
 * rescheduled after a failed try (tests; a retry is due a delay later, so tests pass a later `now`).
 */
export async function flushNotifications(options: { now?: Date } = {}): Promise<void> {
  await worker?.flush(options.now);
}

export function notificationStats(): { sent: number; failed: number; enabled: boolean } {
  return { ...(worker?.stats ?? { sent: 0, failed: 0 }), enabled: worker !== null };
}

/** Destroy: stop the loop after the pass under way (queued messages stay queued), close the connection pool. */
export async function stopNotifications(): Promise<void> {
  await worker?.stop();
  mailer?.close();
  worker = null;
  mailer = null;
}
