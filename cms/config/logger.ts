import { jsonLogFormat, wantsJsonLogs } from '../src/extensions/observability/log-format';

/**
 * Strapi's logger: one JSON object per line with the request id (LOG_FORMAT=json, the default in
 * production), or Strapi's own readable lines (LOG_FORMAT=pretty, the default elsewhere). Only the
 * format is set; Strapi keeps its console transport and levels.
 */
export default wantsJsonLogs() ? { format: jsonLogFormat() } : {};
