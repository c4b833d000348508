import type { Core } from '@strapi/strapi';

/** PostgreSQL and socket errors that mean "the database went away", not a bug. */
const CONNECTION_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
]);
const CONNECTION_MESSAGES =
  /Connection terminated|Connection ended unexpectedly|terminating connection|Timeout acquiring a connection|connection.*closed/i;

export function isConnectionLoss(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e) return false;
  if (typeof e.code === 'string' && (CONNECTION_CODES.has(e.code) || e.code.startsWith('08'))) return true;
  return typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message);
}

let installed = false;

/**
 * Keeps the CMS running when PostgreSQL restarts under load. A write that is in a transaction
 * when the server goes away can leave a rejected promise nobody awaits inside the database
 * driver's transaction handling (seen with Strapi 5.54 / knex / pg: the process exited on an
 * unhandled "terminating connection due to administrator command"). Those rejections are logged
 * and dropped; requests that were waiting on them have already been answered with a 503 the
 * client retries. Any other unhandled rejection still stops the process as Node does by default.
 */
export function surviveDatabaseRestarts(strapi: Core.Strapi): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    if (!isConnectionLoss(reason)) throw reason;
    const e = reason as { name?: string; code?: string };
    strapi.log.warn(
      `database connection lost during a write (${[e.name, e.code].filter(Boolean).join(' ')}); the request was answered with 503`,
    );
  });
}
