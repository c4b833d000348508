/**
 * The API reference (docs/api/) from a live CMS: the model read from its content types, its
 * GraphQL schema and its configuration (model.ts), the worked examples (examples.ts), rendered
 * as Markdown (render.ts). The GraphQL schema is always taken through an introspection result,
 * whether it was built in-process (the command) or fetched over HTTP (the test), so both give
 * the same files.
 */
import path from 'path';
import type { Core } from '@strapi/strapi';
import { buildClientSchema, type IntrospectionQuery } from 'graphql';
import { EXAMPLES } from './examples';
import { referenceModel } from './model';
import { renderReference } from './render';

export { EXAMPLES, type Example } from './examples';

/** docs/api/ of the repository (this file runs from cms/dist/scripts/api-reference or cms/scripts/api-reference). */
export function referenceDir(cmsDir: string): string {
  return path.join(cmsDir, '..', 'docs', 'api');
}

/** Every file of the reference by name, from a live CMS and its GraphQL introspection. */
export async function buildReference(
  strapi: Core.Strapi,
  introspection: IntrospectionQuery,
): Promise<Map<string, string>> {
  const schema = buildClientSchema(introspection);
  return renderReference(await referenceModel(strapi, schema), EXAMPLES);
}
