/**
 * A small static file server for the generated sites: every site lives in `<root>/<site-code>/`
 * and is served at `/<site-code>/` — from `<root>/<site-code>/current/` when the site is in the
 * sync engine's release layout (the symlink is resolved per request, so a switch is seen at
 * once), else from the folder itself. Precompressed `.br`/`.gz` copies are sent to clients that
 * accept them. Loopback only by default; no directory listings except the root index of sites;
 * dot-folders (`.sync`, build folders) are never served. For production, `pnpm sync:nginx`.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
  // Uploads the generator copies into a site's media/ (the template's src/contract/media-variants.ts).
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.epub': 'application/epub+zip',
  // The open data (`<root>/_open-data/`, docs/open-data.md): downloads, sent as they are.
  '.gz': 'application/gzip',
};

export interface StaticServerOptions {
  root: string;
  host?: string;
  port?: number;
}

export function startStaticServer({
  root,
  host = '127.0.0.1',
  port = 4321,
}: StaticServerOptions): Promise<http.Server> {
  const absoluteRoot = path.resolve(root);
  const server = http.createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'Địa chỉ không hợp lệ.');
    }
    if (pathname === '/') return send(res, 200, TYPES['.html']!, siteIndex(absoluteRoot));
    const [, site = '', ...rest] = pathname.split('/');
    if (site.startsWith('.') || rest.some((segment) => segment.startsWith('.')))
      return send(res, 404, 'text/plain; charset=utf-8', 'Không tìm thấy.');
    const siteRoot = siteFolder(absoluteRoot, site);
    let file = path.join(siteRoot, rest.join('/'));
    if (file !== siteRoot && !file.startsWith(siteRoot + path.sep))
      return send(res, 404, 'text/plain; charset=utf-8', 'Không tìm thấy.');
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${pathname}/` });
        return res.end();
      }
      file = path.join(file, 'index.html');
    }
    if (!fs.existsSync(file)) {
      const notFound = path.join(siteRoot, '404.html');
      if (site && fs.existsSync(notFound)) return send(res, 404, TYPES['.html']!, fs.readFileSync(notFound));
      return send(res, 404, 'text/plain; charset=utf-8', 'Không tìm thấy trang.');
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const accepts = String(req.headers['accept-encoding'] ?? '');
    for (const [encoding, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      if (accepts.includes(encoding) && fs.existsSync(file + suffix))
        return send(res, 200, type, fs.readFileSync(file + suffix), encoding);
    }
    send(res, 200, type, fs.readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

/** A site's served folder: its live release when it has one (`current`), else the folder itself. */
function siteFolder(root: string, site: string): string {
  const current = path.join(root, site, 'current');
  return fs.existsSync(current) ? current : path.join(root, site);
}

function send(
  res: http.ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  encoding?: string,
) {
  res.writeHead(status, {
    'content-type': type,
    ...(encoding ? { 'content-encoding': encoding, vary: 'Accept-Encoding' } : {}),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  });
  res.end(body);
}

/** The root page lists the sites present, so a person trying the demo can find them. */
function siteIndex(root: string): string {
  const sites = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((d) => !d.startsWith('.') && fs.existsSync(path.join(siteFolder(root, d), 'index.html')))
        .sort()
    : [];
  const items = sites.map((s) => `<li><a href="/${s}/">${s}</a></li>`).join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Các trang PBGDPL</title></head><body><main><h1>Các trang PBGDPL đã tạo</h1><ul>${items}</ul></main></body></html>`;
}

// `node scripts/serve/static-server.ts <root> [port]`
if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'out', port = '4321'] = process.argv.slice(2);
  startStaticServer({ root, port: Number(port) }).then(() =>
    console.log(`Serving ${root} at http://127.0.0.1:${port}/`),
  );
}
