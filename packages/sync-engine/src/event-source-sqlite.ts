import Database from 'better-sqlite3';
import { CHANGE_EVENT_COLUMNS, SYNC_TABLES, readContentVersion, readLastEventId } from '@pbgdpl/domain';
import { eventFromRow, type EventRow, type EventSource } from './events.js';
import { sqliteReader } from './sql-readers.js';

const COLUMNS = CHANGE_EVENT_COLUMNS.join(', ');
const EVENTS = SYNC_TABLES.changeEvents;

/**
 * The CMS's SQLite file (the quick start), opened read-only beside the running CMS. SQLite lets
 * readers in while Strapi writes; a reader waits up to 5 s for a writer's lock.
 */
export function sqliteEventSource(file: string): EventSource {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  const reader = sqliteReader(db);
  const all = (sql: string, ...params: unknown[]) =>
    (db.prepare(sql).all(...params) as EventRow[]).map(eventFromRow);
  return {
    contentVersion: () => readContentVersion(reader),
    lastEventId: () => readLastEventId(reader),
    async eventsAfter(afterId, limit) {
      return all(`SELECT ${COLUMNS} FROM ${EVENTS} WHERE id > ? ORDER BY id LIMIT ?`, afterId, limit);
    },
    async eventsByIds(ids) {
      if (ids.length === 0) return [];
      return all(
        `SELECT ${COLUMNS} FROM ${EVENTS} WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY id`,
        ...ids,
      );
    },
    async eventsFromVersion(version, afterId, limit) {
      return all(
        `SELECT ${COLUMNS} FROM ${EVENTS} WHERE content_version >= ? AND id > ? ORDER BY id LIMIT ?`,
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
