import type { Core } from '@strapi/strapi';

type Handler = (ctx: unknown, next: () => Promise<unknown>) => Promise<unknown> | unknown;
type MiddlewareEntry = string | { name?: string; config?: unknown };

/**
 * The read cache runs before Strapi's own middlewares, so that a hit skips them all (the
 * request log, helmet rebuilt per request, session, query parsing…). What public answers need
 * from them is applied here: on a hit, the configured `strapi::cors` middleware itself runs
 * (its answer depends on the requesting origin) and the security headers come stored with the
 * answer; the cache's own error answers run the configured `strapi::security` and `strapi::cors`.
 */
export class PublicHeaders {
  private cors: Handler | null | undefined;
  private security: Handler | null | undefined;

  constructor(private readonly strapi: Core.Strapi) {}

  /** Runs the configured CORS middleware around `write` (every hit). */
  async withCors(ctx: unknown, write: () => void): Promise<void> {
    this.cors ??= configuredMiddleware(this.strapi, 'strapi::cors');
    await run(this.cors, ctx, write);
  }

  /** Runs the configured security and CORS middlewares around `write` (the cache's own 400 and 413). */
  async withSecurityAndCors(ctx: unknown, write: () => void): Promise<void> {
    this.security ??= configuredMiddleware(this.strapi, 'strapi::security');
    await run(this.security, ctx, () => this.withCors(ctx, write));
  }
}

async function run(handler: Handler | null, ctx: unknown, write: () => void | Promise<void>): Promise<void> {
  if (!handler) return void (await write());
  await handler(ctx, async () => write());
}

/**
 * The instance of one of Strapi's global middlewares with the config it has in
 * `config/middlewares.ts`, or null when it is not configured there.
 */
function configuredMiddleware(strapi: Core.Strapi, name: string): Handler | null {
  const entries = strapi.config.get('middlewares', []) as MiddlewareEntry[];
  const entry = entries.find((item) => item === name || (typeof item === 'object' && item?.name === name));
  if (!entry) return null;
  const factory = strapi.middleware(name) as unknown as
    ((config: unknown, context: { strapi: Core.Strapi }) => Handler | undefined) | undefined;
  const config = typeof entry === 'object' ? (entry.config ?? {}) : {};
  return factory?.(config, { strapi }) ?? null;
}
