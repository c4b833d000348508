import type { Core } from '@strapi/strapi';

/** Koa's middleware and context types as Strapi's server exposes them (koa is not a direct dependency). */
export type KoaMiddleware = Parameters<Core.Strapi['server']['use']>[0];
export type KoaContext = Parameters<KoaMiddleware>[0];
