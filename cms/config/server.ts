import type { Core } from '@strapi/strapi';
import { requireEnv } from './env-required';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: {
    keys: requireEnv(env, 'APP_KEYS').split(','),
  },
  webhooks: {
    populateRelations: false,
  },
  logger: {
    // No calls out to check for Strapi updates: the servers have no internet.
    updates: { enabled: false },
    startup: { enabled: env.bool('STRAPI_STARTUP_BANNER', true) },
  },
});

export default config;
