import type { Core } from '@strapi/strapi';
import { windowStart, type RateLimit } from '@pbgdpl/domain';

/**
 * The forms' own bookkeeping, in two small tables of the CMS's database (PostgreSQL in
 * production, SQLite for the quick start), so every CMS process sees the same counts:
 * - `pbgdpl_submission_counters`: hits per bucket ("ip:…", "site:…") and fixed window;
 * - `pbgdpl_submission_fingerprints`: what was submitted recently (a hash of site, form and
 *   normalised text), to refuse duplicates.
 * Each check is one atomic upsert, so two processes never both admit the last allowed request.
 */
export const COUNTERS = 'pbgdpl_submission_counters';
export const FINGERPRINTS = 'pbgdpl_submission_fingerprints';

type Knex = Core.Strapi['db']['connection'];

/** Creates the tables when missing (bootstrap; idempotent). */
export async function ensureSubmissionTables(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(COUNTERS))) {
    await knex.schema.createTable(COUNTERS, (t) => {
      t.string('bucket', 200).notNullable();
      t.bigInteger('window_start').notNullable();
      t.integer('hits').notNullable();
      t.bigInteger('expires_at').notNullable().index(`${COUNTERS}_expires`);
      t.primary(['bucket', 'window_start']);
    });
  }
  if (!(await knex.schema.hasTable(FINGERPRINTS))) {
    await knex.schema.createTable(FINGERPRINTS, (t) => {
      t.string('fingerprint', 100).notNullable().primary();
      t.bigInteger('expires_at').notNullable().index(`${FINGERPRINTS}_expires`);
    });
  }
}

export interface LimitVerdict {
  allowed: boolean;
  /** The first limit passed, and seconds until its window ends. */
  exceeded?: RateLimit;
  retryAfter?: number;
}

/**
 * Counts one hit on `bucket` in each limit's window and says whether any limit is now passed.
 * Refused requests count too: hammering does not reset the window.
 */
export async function hit(
  strapi: Core.Strapi,
  bucket: string,
  limits: readonly RateLimit[],
  now: Date,
): Promise<LimitVerdict> {
  const knex = strapi.db.connection;
  for (const limit of limits) {
    const start = windowStart(now, limit.windowSeconds);
    const rows = rowsOf(
      await knex.raw(
        `INSERT INTO ${COUNTERS} (bucket, window_start, hits, expires_at) VALUES (?, ?, 1, ?)
         ON CONFLICT (bucket, window_start) DO UPDATE SET hits = ${COUNTERS}.hits + 1
         RETURNING hits`,
        [bucket.slice(0, 200), start, start + limit.windowSeconds],
      ),
    );
    const hits = Number((rows[0] as { hits?: unknown } | undefined)?.hits ?? 0);
    if (hits > limit.limit) {
      const retryAfter = Math.max(1, start + limit.windowSeconds - Math.floor(now.getTime() / 1000));
      return { allowed: false, exceeded: limit, retryAfter };
    }
  }
  return { allowed: true };
}

/**
 * Claims a fingerprint for `windowSeconds`; false when it is already held (a duplicate). Run it
 * inside the transaction that stores the submission: a failed store releases the claim, and a
 * second identical submission waits for the first one's commit, then is refused.
 */
export async function claimFingerprint(
  knex: Knex,
  fingerprint: string,
  windowSeconds: number,
  now: Date,
): Promise<boolean> {
  const at = Math.floor(now.getTime() / 1000);
  const rows = rowsOf(
    await knex.raw(
      `INSERT INTO ${FINGERPRINTS} (fingerprint, expires_at) VALUES (?, ?)
       ON CONFLICT (fingerprint) DO UPDATE SET expires_at = excluded.expires_at
       WHERE ${FINGERPRINTS}.expires_at <= ?
       RETURNING fingerprint`,
      [fingerprint, at + windowSeconds, at],
    ),
  );
  return rows.length > 0;
}

/** Deletes counters and fingerprints whose windows are over (hourly cron). */
export async function pruneSubmissionTables(strapi: Core.Strapi, now: Date): Promise<number> {
  const at = Math.floor(now.getTime() / 1000);
  const knex = strapi.db.connection;
  const counters = await knex(COUNTERS).where('expires_at', '<', at).delete();
  const fingerprints = await knex(FINGERPRINTS).where('expires_at', '<=', at).delete();
  return Number(counters) + Number(fingerprints);
}

/** knex.raw answers `{ rows }` on PostgreSQL and the rows themselves on SQLite. */
function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  const rows = (result as { rows?: unknown[] } | null)?.rows;
  return Array.isArray(rows) ? rows : [];
}
