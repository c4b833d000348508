import type pg from 'pg';
import { CHANGE_EVENT_COLUMNS, SYNC_TABLES, readContentVersion, readLastEventId } from '@pbgdpl/domain';
import { eventFromRow, type ChangeEvent, type EventRow, type EventSource } from './events.js';
import { postgresReader } from './sql-readers.js';

const COLUMNS = CHANGE_EVENT_COLUMNS.join(', ');
const EVENTS = SYNC_TABLES.changeEvents;

/** The CMS's PostgreSQL database (the same one pg-boss uses). */
export function postgresEventSource(pool: pg.Pool): EventSource {
  const reader = postgresReader(pool);
  const rows = async (sql: string, params: unknown[]): Promise<ChangeEvent[]> =>
    (await pool.query<EventRow>(sql, params)).rows.map(eventFromRow);
  return {
    contentVersion: () => readContentVersion(reader),
    lastEventId: () => readLastEventId(reader),
    eventsAfter: (afterId, limit) =>
      rows(`SELECT ${COLUMNS} FROM ${EVENTS} WHERE id > $1 ORDER BY id LIMIT $2`, [afterId, limit]),
    eventsByIds: (ids) =>
      ids.length === 0
        ? Promise.resolve([])
        : rows(`SELECT ${COLUMNS} FROM ${EVENTS} WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids]),
    eventsFromVersion: (version, afterId, limit) =>
      rows(`SELECT ${COLUMNS} FROM ${EVENTS} WHERE content_version >= $1 AND id > $2 ORDER BY id LIMIT $3`, [
        version,
        afterId,
        limit,
      ]),
    close: async () => undefined,
  };
}
