/* eslint-disable-next-line @typescript-eslint/ban-ts-comment -- plain JS with worker globals */
// @ts-nocheck — a service worker script; the generator prepends `const CONFIG = {…};`.
/* global self, caches, fetch, Response, URL, CONFIG */
/**
 * The service worker of one site (served at <base>sw.js, scope <base>). Written by the
 * generator after the site is built (generator/pwa/service-worker.ts), which prepends CONFIG:
 *   { site, base, version, offline, precache: [urls], recentLimit }
 * `version` is a hash of the built site, so every build that changes something gets new cache
 * names and the browser updates the worker; a build that changes nothing keeps the old caches.
 *
 * Caches (names shared with src/client/app.js):
 *   pbgdpl:<site>:shell:<version>  the shell (home, stylesheet, scripts, icons, offline page) and
 *                                  the bookshelf pages (tu-sach/), stored at install
 *   pbgdpl:<site>:saved            pages the reader saved ("Lưu đọc ngoại tuyến"), kept until removed
 *   pbgdpl:<site>:recent           the last `recentLimit` pages read
 *
 * Pages: stale-while-revalidate — a stored copy answers at once and is refreshed from the
 * network in the background; a page never stored comes from the network, or, offline, the
 * offline page. Search (pagefind/, and the national bundle under /_national/ that a site at the
 * root of its host would otherwise catch) always goes to the network.
 */
const PREFIX = `pbgdpl:${CONFIG.site}:`;
const SHELL = `${PREFIX}shell:${CONFIG.version}`;
const SAVED = `${PREFIX}saved`;
const RECENT = `${PREFIX}recent`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(CONFIG.precache))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name.startsWith(`${PREFIX}shell:`) && name !== SHELL).map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(CONFIG.base)) return;
  if (url.pathname.startsWith(`${CONFIG.base}pagefind/`) || url.pathname === `${CONFIG.base}sw.js`) return;
  if (url.pathname.startsWith('/_national/')) return;
  if (request.mode === 'navigate' || (request.headers.get('accept') ?? '').includes('text/html')) {
    event.respondWith(page(event, url));
  } else {
    event.respondWith(asset(request));
  }
});

/** The stored copy of a page, by path (queries ignored), from the first cache that has it. */
async function stored(path) {
  for (const name of [SAVED, SHELL, RECENT]) {
    const cache = await caches.open(name);
    const hit = await cache.match(path, { ignoreSearch: true });
    if (hit) return hit;
  }
  return undefined;
}

async function page(event, url) {
  const path = url.pathname;
  const cached = await stored(path);
  const network = fetch(event.request).then(async (response) => {
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      await remember(path, response.clone());
    }
    return response;
  });
  if (cached) {
    event.waitUntil(network.catch(() => undefined));
    return cached;
  }
  try {
    return await network;
  } catch {
    return (await caches.match(CONFIG.offline, { cacheName: SHELL })) ?? Response.error();
  }
}

/** Keeps a fresh copy: in the recent list (newest last, at most recentLimit), and where it is saved. */
async function remember(path, response) {
  const saved = await caches.open(SAVED);
  if (await saved.match(path)) await saved.put(path, response.clone());
  const shell = await caches.open(SHELL);
  if (await shell.match(path)) await shell.put(path, response.clone());
  const recent = await caches.open(RECENT);
  await recent.delete(path);
  await recent.put(path, response);
  const keys = await recent.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - CONFIG.recentLimit))) await recent.delete(old);
}

async function asset(request) {
  for (const name of [SHELL, SAVED]) {
    const hit = await (await caches.open(name)).match(request, { ignoreSearch: true });
    if (hit) return hit;
  }
  return fetch(request);
}
