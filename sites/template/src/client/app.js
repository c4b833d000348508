/* global document, navigator, window, location, URL, caches */
/**
 * The installable app's page script (served as <base>ung-dung.js, loaded with `defer` on every
 * page): registers the site's service worker, adds the "Lưu đọc ngoại tuyến" button to content
 * pages, and fills the offline page's lists. Progressive enhancement only: without JavaScript
 * (or without service workers) nothing of this appears and every page works as before.
 *
 * Cache names are shared with the service worker (src/client/service-worker.js):
 * `pbgdpl:<site>:saved` (kept until the reader removes them) and `pbgdpl:<site>:recent`.
 */
(() => {
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  if (!script || !('serviceWorker' in navigator) || !('caches' in window)) return;
  const base = new URL('./', script.src).pathname;
  const site = document.querySelector('meta[name="pbgdpl:site"]')?.getAttribute('content');
  const pageType = document.querySelector('meta[name="pbgdpl:page-type"]')?.getAttribute('content') ?? '';
  if (!site) return;
  const SAVED = `pbgdpl:${site}:saved`;
  const RECENT = `pbgdpl:${site}:recent`;

  navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {
    /* no service worker (private mode, old browser): the site works online as before */
  });

  /** Pages whose content a reader may want offline; lists, search and the offline page are not. */
  const SAVABLE = /^(document|document-text|about|book|qa|news|introduction|guidance|material|legal-situation|dialogue|video)$/;
  if (SAVABLE.test(pageType)) addSaveButton();
  if (pageType === 'offline') fillOfflineLists();

  /** This page and, for a long text split into pages, every page of it. */
  function pagesToSave() {
    const urls = new Set([location.pathname]);
    for (const link of document.querySelectorAll('nav.text-pager a[href]')) {
      const url = new URL(/** @type {HTMLAnchorElement} */ (link).href);
      if (url.origin === location.origin) urls.add(url.pathname);
    }
    return [...urls];
  }

  async function addSaveButton() {
    const heading = document.querySelector('main h1');
    if (!heading) return;
    const box = document.createElement('p');
    box.className = 'save-offline';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'save-offline-button';
    const note = document.createElement('span');
    note.setAttribute('role', 'status');
    note.className = 'save-offline-status';
    box.append(button, ' ', note);
    heading.after(box);
    const cache = await caches.open(SAVED);
    let saved = (await cache.match(location.pathname)) !== undefined;
    const render = () => {
      button.textContent = saved ? 'Bỏ lưu ngoại tuyến' : 'Lưu đọc ngoại tuyến';
      button.setAttribute('aria-pressed', String(saved));
      button.dataset.saved = String(saved);
    };
    render();
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const urls = pagesToSave();
        if (saved) {
          await Promise.all(urls.map((url) => cache.delete(url)));
          saved = false;
          note.textContent = 'Đã bỏ lưu trang này.';
        } else {
          await cache.addAll(urls);
          saved = true;
          note.textContent =
            urls.length > 1
              ? `Đã lưu ${urls.length} trang của văn bản: đọc được cả khi không có mạng.`
              : 'Đã lưu: trang này đọc được cả khi không có mạng.';
        }
      } catch {
        note.textContent = 'Không lưu được (máy hết chỗ hoặc mất mạng). Hãy thử lại.';
      } finally {
        button.disabled = false;
        render();
      }
    });
  }

  /** The title of a stored page, read from its HTML. */
  async function titleOf(response) {
    const html = await response.text();
    const match = /<title>([^<]*)<\/title>/.exec(html);
    const text = document.createElement('textarea');
    text.innerHTML = match?.[1] ?? '';
    return text.value || new URL(response.url).pathname;
  }

  async function fillOfflineLists() {
    for (const [name, kind] of [
      [SAVED, 'saved'],
      [RECENT, 'recent'],
    ]) {
      const list = document.querySelector(`[data-offline-list="${kind}"]`);
      const empty = document.querySelector(`[data-offline-empty="${kind}"]`);
      if (!list || !(await caches.has(name))) continue;
      const cache = await caches.open(name);
      const requests = (await cache.keys()).reverse();
      for (const request of requests) {
        const response = await cache.match(request);
        if (!response) continue;
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = new URL(request.url).pathname;
        link.textContent = await titleOf(response);
        item.append(link);
        list.append(item);
      }
      if (empty && list.children.length > 0) empty.hidden = true;
    }
  }
})();
