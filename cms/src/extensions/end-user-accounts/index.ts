import type { Core } from '@strapi/strapi';
import type { GraphQLSchema } from 'graphql';
import {
  END_USER_ACTION_PREFIX,
  END_USER_HANDLERS,
  END_USER_MUTATIONS,
  END_USER_QUERIES,
} from './closed-doors';
import { withoutRootFields } from './schema-filter';

export { END_USER_HANDLERS, END_USER_MUTATIONS, END_USER_QUERIES } from './closed-doors';

type Route = { handler?: unknown };

/**
 * Register phase: the users-permissions routes for end-user accounts are not registered at all
 * (they answer 404 like any unknown address), and the GraphQL schema is built without the
 * matching mutations and `me` (a query naming them fails validation). Removing the doors, not
 * refusing at them, so no role's permission can open them again.
 */
export function closeEndUserAccounts(strapi: Core.Strapi): void {
  const plugin = strapi.plugin('users-permissions') as unknown as
    { routes: Record<string, { routes?: Route[] }> } | undefined;
  const contentApi = plugin?.routes['content-api'];
  if (contentApi?.routes) {
    contentApi.routes = contentApi.routes.filter(
      (route) => !(typeof route.handler === 'string' && END_USER_HANDLERS.has(route.handler)),
    );
  }
  const schemas = strapi.plugin('graphql')?.service('content-api') as
    { buildSchema: () => GraphQLSchema } | undefined;
  if (schemas) {
    const build = schemas.buildSchema.bind(schemas);
    schemas.buildSchema = () =>
      withoutRootFields(build(), { query: END_USER_QUERIES, mutation: END_USER_MUTATIONS });
  }
}

/**
 * Bootstrap phase: no role keeps a permission for those actions (a database from before keeps
 * the Public role's defaults), and the plugin's own setting for sign-up is off.
 */
export async function revokeEndUserPermissions(strapi: Core.Strapi): Promise<void> {
  const removed = await strapi.db
    .query('plugin::users-permissions.permission')
    .deleteMany({ where: { action: { $startsWith: END_USER_ACTION_PREFIX } } });
  if (removed.count > 0)
    strapi.log.info(`end-user accounts: removed ${removed.count} sign-up and sign-in permissions`);
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false || advanced.email_confirmation !== false) {
    await store.set({
      key: 'advanced',
      value: { ...advanced, allow_register: false, email_confirmation: false },
    });
  }
}
