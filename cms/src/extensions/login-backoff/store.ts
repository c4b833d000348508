import type { Core } from '@strapi/strapi';
import { lockSeconds, type BackoffRule } from './schedule';

export const LOGIN_FAILURES_TABLE = 'pbgdpl_login_failures';

/**
 * Failures per key (`account:<hash of the email>`, `address:<client address>`) in the database,
 * so every CMS process shares them and a restart forgets nothing: the count, when the last one
 * happened and until when the door is shut (milliseconds since the epoch).
 */
export async function ensureLoginFailuresTable(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(LOGIN_FAILURES_TABLE)) return;
  await knex.schema.createTable(LOGIN_FAILURES_TABLE, (table) => {
    table.string('key', 200).primary();
    table.integer('failures').notNullable();
    table.bigInteger('last_failure_at').notNullable();
    table.bigInteger('locked_until').notNullable();
  });
}

/** Seconds until `key` may try again (0: now). */
export async function secondsLocked(strapi: Core.Strapi, key: string, now: number): Promise<number> {
  const row = (await strapi.db.connection(LOGIN_FAILURES_TABLE).where({ key }).first('locked_until')) as
    { locked_until: string | number } | undefined;
  const until = Number(row?.locked_until ?? 0);
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}

/**
 * Counts one failure for `key` in one atomic statement (two processes failing at once both
 * count) and shuts the door by the rule; the seconds it is shut for.
 */
export async function recordFailure(
  strapi: Core.Strapi,
  key: string,
  rule: BackoffRule,
  now: number,
): Promise<number> {
  const knex = strapi.db.connection;
  const forgetBefore = now - rule.forgetSeconds * 1000;
  const rows = (await knex.raw(
    `INSERT INTO ${LOGIN_FAILURES_TABLE} (key, failures, last_failure_at, locked_until)
     VALUES (?, 1, ?, 0)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN ${LOGIN_FAILURES_TABLE}.last_failure_at < ? THEN 1
                       ELSE ${LOGIN_FAILURES_TABLE}.failures + 1 END,
       last_failure_at = excluded.last_failure_at
     RETURNING failures`,
    [key, now, forgetBefore],
  )) as { rows?: Array<{ failures: number }> } | Array<{ failures: number }>;
  const failures = Number((Array.isArray(rows) ? rows : (rows.rows ?? []))[0]?.failures ?? 1);
  const seconds = lockSeconds(failures, rule);
  if (seconds > 0)
    await knex(LOGIN_FAILURES_TABLE)
      .where({ key })
      .update({ locked_until: now + seconds * 1000 });
  return seconds;
}

/** Forgets `key`'s failures (a successful sign-in of that account). */
export async function clearFailures(strapi: Core.Strapi, key: string): Promise<void> {
  await strapi.db.connection(LOGIN_FAILURES_TABLE).where({ key }).delete();
}

/** Removes rows neither shut nor recent (hourly). */
export async function pruneFailures(
  strapi: Core.Strapi,
  now: number,
  forgetSeconds: number,
): Promise<number> {
  return strapi.db
    .connection(LOGIN_FAILURES_TABLE)
    .where('locked_until', '<', now)
    .andWhere('last_failure_at', '<', now - forgetSeconds * 1000)
    .delete();
}
