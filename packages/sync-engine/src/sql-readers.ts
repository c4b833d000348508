/**
 * The CMS's database as `@pbgdpl/domain`'s `SqlReader` (one SELECT with `?` placeholders → rows),
 * so the engine runs the shared status queries on its own connections: a pg pool, or a
 * better-sqlite3 handle on the quick start's SQLite file.
 */
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { SqlReader } from '@pbgdpl/domain';

/** `?` → `$1, $2, …` (the shared queries hold no literal question mark). */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export function postgresReader(pool: pg.Pool): SqlReader {
  return {
    dialect: 'postgres',
    rows: async <T extends object>(sql: string, params: readonly unknown[] = []) =>
      (await pool.query(numbered(sql), [...params])).rows as T[],
  };
}

export function sqliteReader(db: Database.Database): SqlReader {
  return {
    dialect: 'sqlite',
    rows: async <T extends object>(sql: string, params: readonly unknown[] = []) =>
      db.prepare(sql).all(...params) as T[],
  };
}
