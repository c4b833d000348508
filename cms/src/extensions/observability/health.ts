/**
 * The sync engine's part of `GET /api/health`. Everyone gets `status` (`not-deployed`: no sync
 * tables — never run, or SQLite, whose engine keeps its state elsewhere; `ok`: a worker with a
 * recent heartbeat and a dispatcher holding its lock; `no-worker`; `no-dispatcher`; `unknown`).
 * The figures behind it (live workers, last heartbeat, last build) only with the operators'
 * METRICS_TOKEN: health is public, and those say more about the deployment than a citizen needs.
 * It never makes health a 503: the CMS serves editors and citizens without the workers.
 */
import type { Core } from '@strapi/strapi';
import { bearerMatches } from './http-middleware';
import { workerReading, type WorkerReading } from './sync-tables';

export async function syncHealth(
  strapi: Core.Strapi,
  authorization: string | undefined,
): Promise<Record<string, unknown>> {
  let reading: WorkerReading;
  try {
    reading = await workerReading(strapi);
  } catch (error) {
    strapi.log.warn(`health: could not read the sync engine's tables: ${(error as Error).message}`);
    return { status: 'unknown' };
  }
  if (!reading.deployed) return { status: 'not-deployed' };
  const status =
    strapi.db.dialect.client !== 'postgres'
      ? 'unknown'
      : reading.liveWorkers === 0
        ? 'no-worker'
        : reading.dispatcherLive
          ? 'ok'
          : 'no-dispatcher';
  const token = process.env.METRICS_TOKEN?.trim();
  const operator = Boolean(token && authorization && bearerMatches(authorization, token));
  return operator ? { status, ...reading } : { status };
}
