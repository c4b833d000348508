// @ts-check
// The one site template, built two ways from the same pages:
// - `astro build` (static, the default): the generator runs it once per batch of sites, telling it
//   through environment variables which snapshot to read and which sites to build
//   (src/lib/snapshot.ts). Designers use it too, and it is the reference a warm render must match.
// - PBGDPL_RENDER_OUTPUT=server: the same pages compiled once for on-demand rendering with the
//   official Node adapter in middleware mode; a warm renderer imports dist/server/entry.mjs and
//   asks it for each page, handing over the snapshot in `locals` (src/middleware.ts).
// Nothing here differs between sites.
//
// All styling is the per-site stylesheet (src/pages/[site]/site.css.ts) and no page ships
// client JavaScript: nothing may land in a shared /_astro/ folder, which belongs to no one site.
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';

const server = process.env.PBGDPL_RENDER_OUTPUT === 'server';

export default defineConfig({
  output: server ? 'server' : 'static',
  // Whole pages in one string: a renderer writes files, it gains nothing from streaming (20–30 %
  // faster, same bytes).
  ...(server ? { adapter: node({ mode: 'middleware', experimentalDisableStreaming: true }) } : {}),
  // Every page is a folder with index.html; links always end in "/" (the demo server and nginx agree).
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Per-run cache, so two generations at once do not trample one shared cache.
  cacheDir: process.env.PBGDPL_ASTRO_CACHE_DIR || './node_modules/.astro',
  devToolbar: { enabled: false },
});
