import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  // Answers repeated anonymous reads (GraphQL queries, public REST) from memory until content changes.
  'global::read-cache',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
