import type { Core } from '@strapi/strapi';
import { requireEnv } from './env-required';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a reverse proxy the client's address is in X-Forwarded-For: the per-address limits of
  // the public forms and the reporters' keys need it, or every citizen shares the proxy's address.
  // Only the last PUBLIC_PROXY_HOPS entries are read (the ones our proxies appended), so an
  // address a client writes into the header itself cannot dodge its limit.
  proxy: {
    koa: env.bool('PUBLIC_PROXY', false),
    maxIpsCount: env.int('PUBLIC_PROXY_HOPS', 1),
  },
  app: {
    keys: requireEnv(env, 'APP_KEYS').split(','),
  },
  // The upload provider writes into <public>/uploads: a restore drill (or a second CMS on one
  // machine) points CMS_PUBLIC_DIR at its own folder; relative to cms/.
  dirs: { public: env('CMS_PUBLIC_DIR', './public') },
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
