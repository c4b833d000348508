import crypto from 'node:crypto';

/** Fresh secrets and quiet settings for a CMS under test: nothing secret is committed or defaulted. */
export function testCmsEnv(): Record<string, string> {
  const r = () => crypto.randomBytes(24).toString('base64');
  return {
    APP_KEYS: `${r()},${r()}`,
    API_TOKEN_SALT: r(),
    ADMIN_JWT_SECRET: r(),
    TRANSFER_TOKEN_SALT: r(),
    JWT_SECRET: r(),
    ENCRYPTION_KEY: r(),
    STRAPI_TELEMETRY_DISABLED: 'true',
    SERVE_ADMIN_PANEL: 'false',
    STRAPI_STARTUP_BANNER: 'false',
    NODE_ENV: 'test',
  };
}
