import type { Core } from '@strapi/strapi';

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
  // Not Strapi's CORS: register() puts ours under this name. Origins from the site registry and
  // the admin origins only; credentials for the admin origins only (src/extensions/origins).
  'strapi::cors',
  'strapi::query',
  // Not Strapi's parser: register() puts ours under this name (Strapi insists on the name).
  // Bodies are read once the route has authorised the caller, with a limit by who the caller
  // is, counted as they stream; uploads go to a folder removed after the request
  // (src/extensions/request-body).
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default MIDDLEWARES;
