import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  // Answers repeated anonymous reads (GraphQL queries, public REST) from memory until content
  // changes. First, so a hit skips every other middleware: the request log (one synchronous
  // write per request), helmet (rebuilt per request), session, query and body parsing. A hit
  // still gets the CORS headers (it runs strapi::cors itself) and the security headers (stored
  // with the answer); see src/extensions/read-cache/README.md.
  'global::read-cache',
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
