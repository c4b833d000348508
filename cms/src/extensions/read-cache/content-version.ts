import { Client } from 'pg';
import type { Core } from '@strapi/strapi';
import { SYNC_TABLES } from '@pbgdpl/domain';

/** Shared with the sync engine, which reads it before each build (`@pbgdpl/domain`). */
const TABLE = SYNC_TABLES.contentVersion;
const CHANNEL = 'pbgdpl_content_version';
/** Safety net behind the notifications: how often each process re-reads the row anyway. */
const POLL_MS = 2000;

/**
 * The content version: one row counting content writes. Each CMS process keeps it in memory, so
 * a cached answer costs no database round trip. A write moves the row and, on PostgreSQL, sends
 * a notification in the same transaction; every process listens and updates its copy when the
 * write commits (milliseconds), and re-reads the row every POLL_MS in case a notification was
 * missed. A process sees its own writes at once.
 */
export class ContentVersion {
  private current = '0';
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly strapi: Core.Strapi) {}

  get value(): string {
    return this.current;
  }

  async start(): Promise<void> {
    const knex = this.strapi.db.connection;
    if (!(await knex.schema.hasTable(TABLE))) {
      await knex.schema.createTable(TABLE, (table) => {
        table.integer('id').primary();
        table.bigInteger('version').notNullable();
        table.timestamp('changed_at', { useTz: true }).notNullable();
      });
    }
    await knex(TABLE).insert({ id: 1, version: 1, changed_at: new Date() }).onConflict('id').ignore();
    await this.refresh();
    if (this.isPostgres()) await this.listen();
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), POLL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  /**
   * Moves the version; call after any write that can change what public readers see. Inside a
   * transaction (the content manager wraps its actions in one) the move waits for the commit:
   * moving it earlier would let a reader cache pre-commit data under the new version, and on
   * SQLite (one connection) a write outside the open transaction would wait for it forever.
   */
  async bump(): Promise<void> {
    if (!this.strapi.db.inTransaction()) return this.bumpNow();
    await this.strapi.db.transaction(async ({ onCommit }) => {
      onCommit(() => {
        this.bumpNow().catch((error: unknown) =>
          this.strapi.log.error(`read-cache: could not move the content version: ${String(error)}`),
        );
      });
    });
  }

  private async bumpNow(): Promise<void> {
    const knex = this.strapi.db.connection;
    const rows = (await knex(TABLE)
      .where({ id: 1 })
      .update({ version: knex.raw('version + 1'), changed_at: new Date() }, ['version'])) as unknown;
    if (this.isPostgres()) {
      const version = String((rows as Array<{ version: string }>)[0]?.version ?? '');
      await knex.raw('SELECT pg_notify(?, ?)', [CHANNEL, version]);
      this.advance(version);
    } else {
      await this.refresh();
    }
  }

  private async refresh(): Promise<void> {
    const row = (await this.strapi.db.connection(TABLE).where({ id: 1 }).first('version')) as
      { version: string | number } | undefined;
    if (row) this.advance(String(row.version));
  }

  /** Versions only move forward (a late notification must not undo a newer read). */
  private advance(version: string): void {
    if (version && BigInt(version) > BigInt(this.current)) this.current = version;
  }

  private isPostgres(): boolean {
    return this.strapi.db.dialect.client === 'postgres';
  }

  private async listen(): Promise<void> {
    const connection = this.strapi.db.config.connection.connection as object;
    const client = new Client(connection);
    client.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload) this.advance(message.payload);
    });
    client.on('error', () => {
      this.listener = null;
      client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen().catch(() => undefined), POLL_MS).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
    await this.refresh();
  }
}

/** Kept on the Strapi instance itself (a global symbol), so every copy of this module shares it. */
const HOLDER = Symbol.for('pbgdpl.read-cache.content-version');
type WithVersion = Core.Strapi & { [HOLDER]?: ContentVersion };

/** The content version this process follows (created on first use, started at bootstrap). */
export function contentVersionOf(strapi: Core.Strapi): ContentVersion {
  const holder = strapi as WithVersion;
  return (holder[HOLDER] ??= new ContentVersion(strapi));
}

/** The version this process follows, if any was created (destroy). */
export function existingContentVersion(strapi: Core.Strapi): ContentVersion | undefined {
  return (strapi as WithVersion)[HOLDER];
}
