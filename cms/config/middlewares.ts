import type { Core } from '@strapi/strapi';
import { uploadSizeLimit } from './upload-size-limit';

const MIDDLEWARES: Core.Config.Middlewares = [
  // Answers repeated anonymous reads (GraphQL queries, public REST) from memory until content
  // changes. First, so a hit skips every other middleware: the request log (one synchronous
  // write per request), helmet (rebuilt per request), query and body parsing (koa-session still
  // runs before it: strapi::session installs it ahead of the whole list). A hit still gets the
  // CORS headers (it runs strapi::cors itself) and the security headers (stored with the
  // answer); see src/extensions/read-cache/README.md.
  'global::read-cache',
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Turns the body parser's refusal of a too large upload into a Vietnamese 413.
  'global::upload-limits',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

/**
 * The body parser reads an upload up to UPLOAD_SIZE_LIMIT_BYTES (a 500 MB video by default, the
 * upload plugin's sizeLimit too); larger is refused there, in Vietnamese (src/extensions/upload-limits).
 */
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => {
  const maxBytes = uploadSizeLimit(env('UPLOAD_SIZE_LIMIT_BYTES'));
  return MIDDLEWARES.map((middleware) => {
    if (middleware === 'global::upload-limits') return { name: middleware, config: { maxBytes } };
    if (middleware === 'strapi::body')
      return {
        name: middleware,
        config: { formidable: { maxFileSize: maxBytes, maxTotalFileSize: maxBytes } },
      };
    return middleware;
  });
};

export default config;
