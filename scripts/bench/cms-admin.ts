/**
 * The benches' administrator on their own databases: logged in, or registered first on a database
 * that has no administrator yet; and a full-access API token made with it (for the site
 * generator and for writes through the REST API, as an operator's script would).
 */
import { send, type HttpRequest } from './load.ts';

export const BENCH_ADMIN = {
  email: 'bench@pbgdpl.invalid',
  password: 'BenchAdmin2026',
  firstname: 'Bench',
  lastname: 'Admin',
};

/** Logs the bench administrator in, registering it first on a database without administrators. */
export async function adminToken(cmsUrl: string): Promise<string> {
  const post = (route: string, body: object): HttpRequest => ({
    method: 'POST',
    url: `${cmsUrl}${route}`,
    body: JSON.stringify(body),
  });
  let res = await send(post('/admin/login', { email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }));
  if (res.status !== 200) res = await send(post('/admin/register-admin', BENCH_ADMIN));
  if (res.status !== 200) {
    throw new Error(
      `Could not log in as ${BENCH_ADMIN.email} nor register it (HTTP ${res.status}: ${res.body.slice(0, 200)}). ` +
        'The bench registers its administrator on a database without one: use a bench database of its own.',
    );
  }
  return JSON.parse(res.body).data.token;
}

/** A new full-access API token (named `<name>-<time>`, never expiring), created with the admin's JWT. */
export async function fullAccessToken(cmsUrl: string, adminJwt: string, name: string): Promise<string> {
  const res = await fetch(`${cmsUrl}/admin/api-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminJwt}` },
    body: JSON.stringify({
      name: `${name}-${Date.now()}`,
      type: 'full-access',
      lifespan: null,
      description: `pnpm ${name}`,
    }),
  });
  if (!res.ok) throw new Error(`Could not create an API token: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: { accessKey: string } }).data.accessKey;
}
