import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (never a browser a tool downloads), headless, offline-friendly flags. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Answers the page's requests for http://sites.test/<path> (or `options.origin`) from the built
 * output folder, as the static server does; every other request is recorded and refused (no
 * third-party requests) — except those to `options.passThrough` origins (the CMS, when a test
 * sends a form), which go out as they are.
 */
export async function serveFromDisk(
  page: Page,
  outDir: string,
  options: { origin?: string; passThrough?: readonly string[] } = {},
): Promise<{ origin: string; foreign: string[] }> {
  const origin = options.origin ?? 'http://sites.test';
  const foreign: string[] = [];
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (options.passThrough?.includes(url.origin)) return route.continue();
    if (url.origin !== origin) {
      foreign.push(url.href);
      return route.abort();
    }
    let file = path.join(outDir, decodeURIComponent(url.pathname));
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    if (!file.startsWith(outDir) || !fs.existsSync(file))
      return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({
      status: 200,
      contentType: TYPES[path.extname(file)] ?? 'application/octet-stream',
      body: fs.readFileSync(file),
    });
  });
  return { origin, foreign };
}
