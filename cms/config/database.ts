import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * PostgreSQL (through `pg`) is the real database: it is chosen when DATABASE_URL is set or
 * DATABASE_CLIENT=postgres. SQLite is the embedded default for the quick start only.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const url = env('DATABASE_URL', '');
  const client = env('DATABASE_CLIENT', url ? 'postgres' : 'sqlite');
  const pool = { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) };
  const acquireConnectionTimeout = env.int('DATABASE_CONNECTION_TIMEOUT', 60000);

  if (client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        // pg gives connectionString precedence over the separate parts when it is set.
        connection: {
          ...(url ? { connectionString: url } : {}),
          host: env('DATABASE_HOST', '127.0.0.1'),
          port: env.int('DATABASE_PORT', 5432),
          database: env('DATABASE_NAME', 'pbgdpl'),
          user: env('DATABASE_USERNAME', 'postgres'),
          password: env('DATABASE_PASSWORD', ''),
          ssl: env.bool('DATABASE_SSL', false) && {
            rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
          },
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool,
        acquireConnectionTimeout,
      },
    };
  }
  if (client === 'sqlite') {
    return {
      connection: {
        client: 'sqlite',
        // Relative to cms/ (this file runs from cms/dist/config).
        connection: {
          filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')),
        },
        useNullAsDefault: true,
        acquireConnectionTimeout,
      },
    };
  }
  throw new Error(
    `Unsupported DATABASE_CLIENT "${client}": use "postgres" (production) or "sqlite" (quick start).`,
  );
};

export default config;
