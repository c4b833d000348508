/**
 * nginx configuration for the released sites (`pnpm sync:nginx`). Pure: from the registry's
 * sites to one config file. A site with its own host (`baseUrl` whose path is `/`, and basePath
 * `/`) gets a server block; the others are locations under one shared host, by their basePath.
 * Each points at `<root>/<code>/current`, the symlink the workers switch atomically; nginx
 * resolves it per request (keep `open_file_cache` off or short), so a switch is seen at once
 * and a request already reading the old release finishes from its intact files. Every host also
 * serves the shared national search bundles at `/_national/pagefind/` and the open data at
 * `/_open-data/`.
 */
/** Where the site generator writes and every host serves the national bundles (search/national-bundle.ts there). */
const NATIONAL_SEARCH_PATH = '/_national/pagefind/';
/** Where the CMS's nightly export writes (OPEN_DATA_DIR = `<root>/_open-data`) and every host serves it. */
const OPEN_DATA_PATH = '/_open-data/';

export interface NginxSite {
  code: string;
  basePath: string;
  baseUrl: string | null;
}

export interface NginxOptions {
  /** Absolute output folder of the workers (holds `<code>/current`). */
  root: string;
  /** Host name of the shared server for path-based sites. */
  sharedHost: string;
  /** `listen` value. Default 80 (terminate TLS in front, or add your certificates). */
  listen?: string;
  /** Serve the `.br` copies (needs ngx_brotli: Debian `libnginx-mod-http-brotli-static`). Default true. */
  brotli?: boolean;
  /** Add HSTS (only when served over HTTPS). Default false. */
  hsts?: boolean;
  /**
   * The CMS's public address as citizens' browsers reach it (e.g. `https://cms.example`): the
   * question and report forms post there and the search beacon calls it, so the pages' CSP must
   * allow it in `form-action` and `connect-src`. Omitted: only the sites' own host is allowed.
   */
  publicCmsUrl?: string;
}

const SECURITY_HEADERS = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Frame-Options', 'DENY'],
  ['Permissions-Policy', 'geolocation=(), camera=(), microphone=()'],
] as const;

/** The CMS's origin from its public address; throws on anything that is not an http(s) URL. */
export function cmsOrigin(publicCmsUrl: string): string {
  let url: URL;
  try {
    url = new URL(publicCmsUrl);
  } catch {
    throw new Error(`not a URL: ${publicCmsUrl}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`not an http(s) URL: ${publicCmsUrl}`);
  return url.origin;
}

/**
 * Pagefind runs WebAssembly; pages load nothing from other hosts. The only other host a page
 * talks to is the CMS: its forms post there and the search beacon calls it.
 */
function contentSecurityPolicy(options: NginxOptions): string {
  const cms = options.publicCmsUrl ? ` ${cmsOrigin(options.publicCmsUrl)}` : '';
  return `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'${cms}; worker-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'${cms}`;
}

function headers(options: NginxOptions, indent: string): string {
  const lines: Array<readonly [string, string]> = [
    ['Cache-Control', '$pbgdpl_cache_control'],
    ...SECURITY_HEADERS,
    ['Content-Security-Policy', contentSecurityPolicy(options)],
  ];
  if (options.hsts) lines.push(['Strict-Transport-Security', 'max-age=31536000']);
  return lines.map(([name, value]) => `${indent}add_header ${name} "${value}" always;`).join('\n');
}

/**
 * Cache lifetimes by path, as a map (no nested locations, which would not inherit `alias`
 * correctly): content-hashed search chunks, national bundles and media copies (named by their
 * content's hash) a year; the service worker re-checked at every
 * visit; assets an hour; pages five minutes, so a publish is seen within minutes through proxies.
 */
const CACHE_MAP = [
  'map $uri $pbgdpl_cache_control {',
  // Regular expressions with braces are quoted, or nginx reads `{` as the start of a block.
  '    "~^/_national/pagefind/[0-9a-f]{16}/"  "public, max-age=31536000, immutable";',
  '    ~/pagefind/(fragment|index)/    "public, max-age=31536000, immutable";',
  '    "~/media/[0-9a-f]{16,}\\.[a-z0-9]+$"  "public, max-age=31536000, immutable";',
  '    ~/sw\\.js$                      "no-cache";',
  '    ~\\.(css|js|png|jpg|webp|gif|svg|ico|webmanifest)$  "public, max-age=3600";',
  '    default                          "public, max-age=300, must-revalidate";',
  '}',
].join('\n');

export function nginxConfig(sites: readonly NginxSite[], options: NginxOptions): string {
  const listen = options.listen ?? '80';
  const compression = [
    '    gzip_static on;',
    options.brotli === false ? '    # brotli_static off (no ngx_brotli)' : '    brotli_static on;',
    '    charset utf-8;',
    '    disable_symlinks off;',
    '    open_file_cache off;',
  ].join('\n');
  const own = sites.filter((s) => ownHost(s) !== null);
  const shared = sites.filter((s) => ownHost(s) === null);
  const blocks: string[] = [
    [
      `# Generated by \`pnpm sync:nginx\` for ${sites.length} sites — do not edit by hand.`,
      `# Sites: ${options.root}/<code>/current (a symlink switched atomically by the sync workers).`,
      '# Include it in the http {} context (e.g. /etc/nginx/conf.d/pbgdpl.conf).',
    ].join('\n'),
    CACHE_MAP,
  ];
  for (const site of own) {
    const host = ownHost(site)!;
    const root = `${options.root}/${site.code}/current`;
    blocks.push(
      [
        'server {',
        `    listen ${listen};`,
        `    server_name ${host};`,
        `    root ${root};`,
        compression,
        '    error_page 404 /404.html;',
        nationalLocation(options),
        openDataLocation(options),
        '    location / {',
        '        try_files $uri $uri/ =404;',
        headers(options, '        '),
        '    }',
        '}',
      ].join('\n'),
    );
  }
  const locations = shared.map((site) => {
    const prefix = site.basePath.replace(/\/+$/, '');
    return [
      `    location ^~ ${prefix}/ {`,
      `        alias ${options.root}/${site.code}/current/;`,
      `        error_page 404 ${prefix}/404.html;`,
      headers(options, '        '),
      '    }',
    ].join('\n');
  });
  blocks.push(
    [
      'server {',
      `    listen ${listen};`,
      `    server_name ${options.sharedHost};`,
      compression,
      nationalLocation(options),
      openDataLocation(options),
      ...locations,
      '    location = / {',
      '        return 404;',
      '    }',
      '}',
    ].join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}

/**
 * The shared national search bundles (ADR 0004, strategy E) at the same path on every host:
 * each site's search page merges `/_national/pagefind/<id>/`, written once for all sites.
 */
function nationalLocation(options: NginxOptions): string {
  return [
    `    location ^~ ${NATIONAL_SEARCH_PATH} {`,
    `        alias ${options.root}${NATIONAL_SEARCH_PATH};`,
    headers(options, '        '),
    '    }',
  ].join('\n');
}

/**
 * The open data (the CMS's nightly export, `OPEN_DATA_DIR=<root>/_open-data`) at the same path on
 * every host: downloads, not pages — gzip files served as they are, with a listing to browse,
 * readable from any origin (researchers' notebooks and tools), `latest/` and `index.json`
 * re-checked within five minutes (the path's default lifetime).
 */
function openDataLocation(options: NginxOptions): string {
  return [
    `    location ^~ ${OPEN_DATA_PATH} {`,
    `        alias ${options.root}${OPEN_DATA_PATH};`,
    '        autoindex on;',
    '        gzip_static off;',
    '        types { application/json json; application/gzip gz; }',
    '        default_type text/plain;',
    '        add_header Access-Control-Allow-Origin "*" always;',
    headers(options, '        '),
    '    }',
  ].join('\n');
}

function ownHost(site: NginxSite): string | null {
  if (!site.baseUrl || site.basePath !== '/') return null;
  try {
    const url = new URL(site.baseUrl);
    return url.pathname === '/' || url.pathname === '' ? url.hostname : null;
  } catch {
    return null;
  }
}
