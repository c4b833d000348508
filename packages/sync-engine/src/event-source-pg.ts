import type pg from 'pg';
import { eventFromRow, type ChangeEvent, type EventRow, type EventSource } from './events.js';

const COLUMNS =
  'id, uid, document_id, locale, action, source, owning_site, placements, content_version, occurred_at';

/** The CMS's PostgreSQL database (the same one pg-boss uses). */
export function postgresEventSource(pool: pg.Pool): EventSource {
  const rows = async (sql: string, params: unknown[]): Promise<ChangeEvent[]> =>
    (await pool.query<EventRow>(sql, params)).rows.map(eventFromRow);
  return {
    async contentVersion() {
      const result = await pool.query<{ version: string }>(
        'SELECT version FROM pbgdpl_content_version WHERE id = 1',
      );
      return Number(result.rows[0]?.version ?? 0);
    },
    async lastEventId() {
      const result = await pool.query<{ id: string | null }>(
        'SELECT max(id) AS id FROM pbgdpl_change_events',
      );
      return Number(result.rows[0]?.id ?? 0);
    },
    eventsAfter: (afterId, limit) =>
      rows(`SELECT ${COLUMNS} FROM pbgdpl_change_events WHERE id > $1 ORDER BY id LIMIT $2`, [
        afterId,
        limit,
      ]),
    eventsByIds: (ids) =>
      ids.length === 0
        ? Promise.resolve([])
        : rows(`SELECT ${COLUMNS} FROM pbgdpl_change_events WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids]),
    eventsFromVersion: (version, afterId, limit) =>
      rows(
        `SELECT ${COLUMNS} FROM pbgdpl_change_events WHERE content_version >= $1 AND id > $2 ORDER BY id LIMIT $3`,
        [version, afterId, limit],
      ),
    close: async () => undefined,
  };
}
