import type { Core } from '@strapi/strapi';
import { requireEnv } from './env-required';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  // API-only mode (tests, build workers) skips the admin bundle; the admin API still works.
  serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
  auth: {
    secret: requireEnv(env, 'ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: requireEnv(env, 'API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: requireEnv(env, 'TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: requireEnv(env, 'ENCRYPTION_KEY'),
  },
  // Strapi's own sign-in limit (5 tries per email and address, in one process's memory, an English
  // 429 without Retry-After) is replaced by src/extensions/login-backoff: per account across
  // addresses and per address, in the database, Vietnamese, with Retry-After.
  rateLimit: { enabled: false },
  flags: {
    nps: false,
    promoteEE: false,
  },
});

export default config;
