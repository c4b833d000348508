import Database from 'better-sqlite3';
import { eventFromRow, type EventRow, type EventSource } from './events.js';

const COLUMNS =
  'id, uid, document_id, locale, action, source, owning_site, placements, content_version, occurred_at';

/**
 * The CMS's SQLite file (the quick start), opened read-only beside the running CMS. SQLite lets
 * readers in while Strapi writes; a reader waits up to 5 s for a writer's lock.
 */
export function sqliteEventSource(file: string): EventSource {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  const all = (sql: string, ...params: unknown[]) =>
    (db.prepare(sql).all(...params) as EventRow[]).map(eventFromRow);
  return {
    async contentVersion() {
      const row = db.prepare('SELECT version FROM pbgdpl_content_version WHERE id = 1').get() as
        { version: number } | undefined;
      return Number(row?.version ?? 0);
    },
    async lastEventId() {
      const row = db.prepare('SELECT max(id) AS id FROM pbgdpl_change_events').get() as
        { id: number | null } | undefined;
      return Number(row?.id ?? 0);
    },
    async eventsAfter(afterId, limit) {
      return all(
        `SELECT ${COLUMNS} FROM pbgdpl_change_events WHERE id > ? ORDER BY id LIMIT ?`,
        afterId,
        limit,
      );
    },
    async eventsByIds(ids) {
      if (ids.length === 0) return [];
      return all(
        `SELECT ${COLUMNS} FROM pbgdpl_change_events WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`,
        ...ids,
      );
    },
    async eventsFromVersion(version, afterId, limit) {
      return all(
        `SELECT ${COLUMNS} FROM pbgdpl_change_events WHERE content_version >= ? AND id > ? ORDER BY id LIMIT ?`,
        version,
        afterId,
        limit,
      );
    },
    async close() {
      db.close();
    },
  };
}
