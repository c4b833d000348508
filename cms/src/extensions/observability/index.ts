import type { Core } from '@strapi/strapi';
import { observabilityMiddleware } from './http-middleware';
import { createMetrics } from './metrics';

export { currentRequestId } from './request-id';
export { jsonLogFormat, wantsJsonLogs } from './log-format';
export { syncHealth } from './health';

/**
 * Register (first, so it wraps every other middleware and route guard): request ids, the
 * operators' /metrics endpoint (METRICS_TOKEN), request durations, submissions and refused logins.
 */
export function registerObservability(strapi: Core.Strapi): void {
  const token = process.env.METRICS_TOKEN?.trim() || null;
  if (token !== null && token.length < 16)
    throw new Error('METRICS_TOKEN must be at least 16 characters (generate one: openssl rand -hex 24).');
  const metrics = createMetrics(strapi);
  strapi.server.use(observabilityMiddleware(strapi, metrics, token) as never);
  if (!token) strapi.log.info('metrics: GET /metrics is off (set METRICS_TOKEN to let Prometheus scrape it)');
}
