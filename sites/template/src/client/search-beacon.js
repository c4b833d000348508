/* global document, navigator, window, location, addEventListener, setTimeout, clearTimeout, URLSearchParams */
/**
 * The search page's demand beacon (served as <base>tim-kiem/dem-luot-tim.js, loaded only when the
 * site was built with the CMS's public address). Once a search has run — the form submitted, or
 * the page opened with ?q= — and the reader has not searched again for a moment, the query alone
 * is sent with navigator.sendBeacon to the CMS (cms/src/extensions/demand), which keeps a count
 * per site, query and day and nothing about the reader. Fire and forget: a CMS that is down,
 * blocked or refusing changes nothing on the page. Skipped when the browser asks not to be
 * tracked (Do Not Track, Global Privacy Control), and for queries that look like personal data.
 * Independent of search.js: it only listens to the form.
 */

/** A refined search within this time replaces the earlier one (one beacon, not one per try). */
export const BEACON_DELAY_MS = 1500;
const MAX_LENGTH = 100;

/** The reader's browser asks sites not to track them. */
export function trackingRefused(nav, win) {
  const dnt = nav.doNotTrack ?? win.doNotTrack ?? nav.msDoNotTrack;
  return nav.globalPrivacyControl === true || dnt === '1' || dnt === 'yes';
}

/**
 * The query as sent, or null when it is not worth or not right to send: empty, too long, or
 * looking like an email, a web address, or a phone or identity number (the CMS refuses those
 * too; they are not even sent).
 */
export function beaconQuery(raw) {
  const query = String(raw ?? '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
  if (!query || [...query].length > MAX_LENGTH) return null;
  if (/@|:\/\/|\bwww\./i.test(query)) return null;
  if (/\d(?:[\s.()-]*\d){8,}/.test(query)) return null;
  return query;
}

function start() {
  const config = /** @type {HTMLScriptElement | null} */ (
    document.querySelector('script[data-search-beacon]')
  );
  const form = /** @type {HTMLFormElement | null} */ (document.getElementById('tim-kiem-form'));
  const url = config?.dataset.searchBeacon;
  const site = config?.dataset.site;
  if (!form || !url || !site || typeof navigator.sendBeacon !== 'function') return;
  if (trackingRefused(navigator, window)) return;
  const input = /** @type {HTMLInputElement | null} */ (form.elements.namedItem('q'));
  const sent = new Set();
  /** @type {string | null} */
  let pending = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  const flush = () => {
    clearTimeout(timer);
    const query = pending;
    pending = null;
    if (query === null || sent.has(query.toLowerCase())) return;
    sent.add(query.toLowerCase());
    try {
      navigator.sendBeacon(url, JSON.stringify({ site, q: query }));
    } catch {
      // Blocked (a content security policy, an extension): the search itself is unaffected.
    }
  };
  const schedule = (raw) => {
    clearTimeout(timer);
    pending = beaconQuery(raw);
    if (pending !== null) timer = setTimeout(flush, BEACON_DELAY_MS);
  };

  form.addEventListener('submit', () => schedule(input?.value));
  // Leaving the page (a result clicked) before the delay: send what was searched.
  addEventListener('pagehide', flush);
  // A search opened from a link or the header's box runs on load: counted the same way.
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) schedule(initial);
}

if (typeof document !== 'undefined') start();
