/**
 * `pnpm sync:nginx --root /srv/pbgdpl/sites --host phobienphapluat.example [--out FILE]`:
 * nginx configuration for every enabled site of the registry (read over GraphQL).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createContentClient, graphqlEndpoint } from '@pbgdpl/content-client';
import { nginxConfig } from '@pbgdpl/sync-engine';
import { ROOT, parse } from './config.ts';

const HELP = `Tạo cấu hình nginx cho các trang (nginx configuration)

  pnpm sync:nginx --root DIR --host NAME [--file FILE] [--cms URL] [--public-cms URL] [--no-brotli] [--hsts]

  --root DIR    where the sites live on the web server (DIR/<code>/current)
  --host NAME   host of the shared server for sites without their own domain
  --file FILE   write here instead of printing
  --cms URL     where this command reads the registry (default PBGDPL_CMS_URL or http://127.0.0.1:1337)
  --public-cms URL  the CMS's address as citizens' browsers reach it (forms, search beacon);
                default PBGDPL_PUBLIC_CMS_URL; without it the pages' CSP allows only their own host
  --no-brotli   without ngx_brotli (gzip copies only)
  --hsts        add Strict-Transport-Security (HTTPS only)`;

async function main() {
  const values = parse(process.argv.slice(2), {
    root: { type: 'string' },
    host: { type: 'string' },
    file: { type: 'string' },
    'no-brotli': { type: 'boolean', default: false },
    hsts: { type: 'boolean', default: false },
    'public-cms': { type: 'string' },
  });
  if (values.help) return console.log(HELP);
  if (!values.root || !values.host) {
    console.error(`Error: --root and --host are required.\n\n${HELP}`);
    process.exit(2);
  }
  const cmsUrl = (values.cms as string) ?? process.env.PBGDPL_CMS_URL ?? 'http://127.0.0.1:1337';
  const client = createContentClient({ endpoint: graphqlEndpoint(cmsUrl) });
  const sites = await client.listSites({ all: true });
  const text = nginxConfig(
    sites.map((s) => ({ code: s.code, basePath: s.basePath, baseUrl: s.baseUrl })),
    {
      root: path.resolve(values.root as string),
      sharedHost: values.host as string,
      brotli: !values['no-brotli'],
      hsts: Boolean(values.hsts),
      publicCmsUrl: (values['public-cms'] as string | undefined) ?? process.env.PBGDPL_PUBLIC_CMS_URL,
    },
  );
  if (values.file) {
    const file = path.resolve(process.env.INIT_CWD ?? ROOT, values.file as string);
    fs.writeFileSync(file, text);
    console.error(`Wrote ${file} (${sites.length} sites)`);
  } else process.stdout.write(text);
}

main().catch((error: unknown) => {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
