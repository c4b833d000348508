import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  // Answers repeated anonymous reads (GraphQL queries, public REST) from memory until content
  // changes; early, so a hit skips query and body parsing (it reads a GraphQL body itself).
  'global::read-cache',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
