/**
 * The GraphQL endpoint of a CMS given its base URL: "http://127.0.0.1:1337" and
 * "http://127.0.0.1:1337/" both give "http://127.0.0.1:1337/graphql"; a URL that already ends in
 * "/graphql" is kept.
 */
export function graphqlEndpoint(cmsUrl: string): string {
  const trimmed = cmsUrl.trim().replace(/\/+$/, '');
  return trimmed.endsWith('/graphql') ? trimmed : `${trimmed}/graphql`;
}
