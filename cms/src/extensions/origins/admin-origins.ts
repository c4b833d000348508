/**
 * The origins the admin panel is served from, the only ones that get CORS with credentials: the
 * CMS's public address (PUBLIC_URL, the panel's default home) and any named in ADMIN_ORIGINS
 * (comma-separated, when the panel is served from another host). A page on the same origin as
 * the CMS needs no CORS at all.
 * @throws Error naming the variable when an entry is not an http(s) origin.
 */
export function readAdminOrigins(env: NodeJS.ProcessEnv = process.env): ReadonlySet<string> {
  const origins = new Set<string>();
  const add = (value: string, name: string) => {
    const url = URL.canParse(value) ? new URL(value) : null;
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
      throw new Error(`${name} must hold http(s) origins such as https://cms.pbgdpl.gov.vn; got "${value}".`);
    origins.add(url.origin);
  };
  const publicUrl = env.PUBLIC_URL?.trim();
  if (publicUrl) add(publicUrl, 'PUBLIC_URL');
  for (const origin of (env.ADMIN_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean))
    add(origin, 'ADMIN_ORIGINS');
  return origins;
}

let adminOrigins: ReadonlySet<string> | null = null;

/** The admin origins of this process (read once). */
export function configuredAdminOrigins(): ReadonlySet<string> {
  adminOrigins ??= readAdminOrigins();
  return adminOrigins;
}

/** Reads them again (register phase, so a bad value stops the boot; tests). */
export function reloadAdminOrigins(): ReadonlySet<string> {
  adminOrigins = readAdminOrigins();
  return adminOrigins;
}
