/**
 * HTTP calls to a CMS under test, as an integration or an operator makes them: JSON in and out,
 * with an admin session (JWT) or an API token as the bearer. Shared by the suites and fixtures
 * that write their own content (the first administrator of a fresh database, or the seed's demo
 * administrator, then a full-access API token).
 */

/** The first administrator a suite registers on its fresh database. */
export interface AdminAccount {
  firstname: string;
  lastname: string;
  email: string;
  password: string;
}

/**
 * One JSON request to the CMS. Throws with the method, path, status and answer on an error
 * status. Returns the answer's `data` (the whole answer when it has none; `{}` for an empty
 * body). An empty `bearer` sends no authorization header.
 */
export async function cmsRequest<T = Record<string, unknown>>(
  cmsUrl: string,
  method: string,
  url: string,
  body?: unknown,
  bearer = '',
): Promise<T> {
  const res = await fetch(`${cmsUrl}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status}: ${text}`);
  if (!text) return {} as T;
  const json = JSON.parse(text) as { data?: T } & T;
  return (json.data ?? json) as T;
}

/** Registers the first administrator of a database that has none; its session token. */
export async function registerFirstAdmin(cmsUrl: string, admin: AdminAccount): Promise<string> {
  return (await cmsRequest<{ token: string }>(cmsUrl, 'POST', '/admin/register-admin', admin)).token;
}

/** The seed's demo administrator (a super admin, made by `seed --demo-admin`). */
export const DEMO_ADMIN = { email: 'admin@pbgdpl.demo', password: 'PbgdplDemo2026' } as const;

/** Logs the seed's demo administrator in; its session token. */
export async function demoAdminJwt(cmsUrl: string): Promise<string> {
  return (await cmsRequest<{ token: string }>(cmsUrl, 'POST', '/admin/login', DEMO_ADMIN)).token;
}

/** A new full-access API token (never expiring) made with an administrator's session token. */
export async function createFullAccessToken(cmsUrl: string, adminJwt: string, name: string): Promise<string> {
  const created = await cmsRequest<{ accessKey: string }>(
    cmsUrl,
    'POST',
    '/admin/api-tokens',
    { name, type: 'full-access', lifespan: null },
    adminJwt,
  );
  return created.accessKey;
}
