// @ts-check
// The one site template. The generator (generator/) runs `astro build` once per batch of sites,
// telling it through environment variables which snapshot to read and which sites to build
// (src/lib/snapshot.ts); nothing here differs between sites.
//
// All styling is the per-site stylesheet (src/pages/[site]/site.css.ts) and no page ships
// client JavaScript: nothing may land in a shared /_astro/ folder, which belongs to no one site.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  // Every page is a folder with index.html; links always end in "/" (the demo server and nginx agree).
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Per-run cache, so two generations at once do not trample one shared cache.
  cacheDir: process.env.PBGDPL_ASTRO_CACHE_DIR || './node_modules/.astro',
  devToolbar: { enabled: false },
});
