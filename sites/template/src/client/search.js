/* global document, window, location, history, URLSearchParams */
/**
 * The search page's script (served as <base>tim-kiem/tim-kiem.js, see tim-kiem/index.astro).
 * Runs Pagefind's own search JS over the site's index merged with the national bundle
 * (search-bundles.js), folds the reader's query the way the
 * generator folded the index (generator/search/fold.ts: "đ" → "d", no marks, lower case), shows
 * an excerpt cut from the record's own text with the matches marked, and puts a result whose
 * number is exactly the one typed first. Without JavaScript the page explains itself and links
 * to the server-free alternatives; this script only reveals the form.
 */

/** Separates a record's text from its folded copies (generator/search/index-site.ts). */
export const EXTRAS_MARK = '⁂';
const PAGE_SIZE = 10;
const EXCERPT_LENGTH = 220;

/** Same as foldForSearch in generator/search/fold.ts (search/fold.test.ts keeps them equal). */
export function foldQuery(text) {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/** Same as numberKey in generator/search/fold.ts. */
export function numberKey(text) {
  return foldQuery(text).replace(/[^a-z0-9]+/g, '');
}

/** "45/2019/QH14", "15/2020/nd-cp", "1656/NQ-UBTVQH15": a query that is a document number. */
export function looksLikeNumber(query) {
  return /^\s*\d+\s*[/-]\s*[\p{L}\p{N}]+([/-][\p{L}\p{N}]+)*\s*$/u.test(query);
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Folds one character at a time, keeping the length, so positions in both strings agree. */
function foldSameLength(text) {
  let out = '';
  for (const char of text) {
    const folded = foldQuery(char);
    out += folded.length === char.length ? folded : char;
  }
  return out;
}

/**
 * An excerpt of `content` (before the folded copies) around the first match of any term, with
 * every word that starts with a term marked; accents and "đ" do not matter. HTML-escaped.
 */
export function excerptHtml(content, terms, length = EXCERPT_LENGTH) {
  const text = content.split(EXTRAS_MARK)[0].replace(/\s+/g, ' ').trim();
  const folded = foldSameLength(text);
  const patterns = terms
    .map((t) => foldQuery(t).replace(/[^\p{L}\p{N}/-]/gu, ''))
    .filter((t) => t.length > 0)
    .map((t) => new RegExp(`(^|[^\\p{L}\\p{N}])(${escapeRegExp(t)})`, 'gu'));
  // Where the words stand together as typed ("nghị định"), else the first word found.
  const words = terms.map((t) => foldQuery(t).replace(/[^\p{L}\p{N}/-]/gu, '')).filter(Boolean);
  const phrase = new RegExp(`(^|[^\\p{L}\\p{N}])(${words.map(escapeRegExp).join('[^\\p{L}\\p{N}]+')})`, 'u');
  const together = words.length > 1 ? phrase.exec(folded) : null;
  let first = together ? together.index + together[1].length : -1;
  for (const pattern of together ? [] : patterns) {
    pattern.lastIndex = 0;
    const match = pattern.exec(folded);
    if (match && (first === -1 || match.index < first)) first = match.index + match[1].length;
  }
  let start = first === -1 ? 0 : Math.max(0, first - Math.floor(length / 3));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space === -1 || space > first ? start : space + 1;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first) end = space;
  }
  const marks = [];
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (const match of folded.slice(start, end).matchAll(pattern)) {
      const from = start + (match.index ?? 0) + match[1].length;
      marks.push([from, from + match[2].length]);
    }
  }
  marks.sort((a, b) => a[0] - b[0]);
  let html = start > 0 ? '… ' : '';
  let at = start;
  for (const [from, to] of marks) {
    if (from < at) continue;
    html += `${escapeHtml(text.slice(at, from))}<mark>${escapeHtml(text.slice(from, to))}</mark>`;
    at = to;
  }
  html += escapeHtml(text.slice(at, end)) + (end < text.length ? ' …' : '');
  return html;
}

function viDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return match ? `${match[3]}/${match[2]}/${match[1]}` : null;
}

/** The query string's names (Vietnamese, readable in a shared link) for each filter and option. */
const PARAMS = { q: 'q', section: 'muc', type: 'loai', status: 'hieu-luc', sort: 'sap-xep' };

async function start() {
  const form = /** @type {HTMLFormElement | null} */ (document.getElementById('tim-kiem-form'));
  if (!form) return;
  const noJs = document.getElementById('tim-kiem-khong-js');
  const status = /** @type {HTMLElement} */ (document.getElementById('tim-kiem-trang-thai'));
  const list = /** @type {HTMLOListElement} */ (document.getElementById('tim-kiem-ket-qua'));
  const more = /** @type {HTMLButtonElement} */ (document.getElementById('tim-kiem-them'));
  const input = /** @type {HTMLInputElement} */ (form.elements.namedItem('q'));
  const selects = /** @type {Record<'section'|'type'|'status', HTMLSelectElement>} */ ({
    section: form.elements.namedItem(PARAMS.section),
    type: form.elements.namedItem(PARAMS.type),
    status: form.elements.namedItem(PARAMS.status),
  });
  const sort = /** @type {HTMLSelectElement} */ (form.elements.namedItem(PARAMS.sort));
  form.hidden = false;
  if (noJs) noJs.hidden = true;

  // The site's own index merged with the national bundle (search-bundles.js, served as
  // tim-kiem/chi-muc.js); `pagefind` answers filters() and search() like Pagefind's own module.
  /** @type {any} */
  let pagefind;
  try {
    const { openSearch } = await import(/* @vite-ignore */ form.dataset.searchBundles ?? '');
    pagefind = await openSearch({
      local: (form.dataset.pagefind ?? '').replace(/pagefind\.js$/, ''),
      national: form.dataset.pagefindNational || null,
      baseUrl: form.dataset.base ?? '/',
    });
  } catch {
    form.hidden = true;
    if (noJs) noJs.hidden = false;
    status.textContent =
      'Không tải được chỉ mục tìm kiếm (có thể bạn đang ngoại tuyến). Hãy dùng danh mục văn bản bên dưới.';
    return;
  }

  if (form.dataset.pagefindNational && !pagefind.national) {
    const note = document.createElement('p');
    note.id = 'tim-kiem-quoc-gia';
    note.className = 'notice';
    note.textContent = 'Tạm thời chưa tìm được trong văn bản pháp luật trung ương; kết quả chỉ gồm nội dung riêng của trang này.';
    form.after(note);
  }

  const params = new URLSearchParams(location.search);
  input.value = params.get(PARAMS.q) ?? '';
  const filterCounts = await pagefind.filters();
  for (const [key, select] of Object.entries(selects)) {
    const counts = filterCounts[key] ?? {};
    for (const value of Object.keys(counts).sort((a, b) => a.localeCompare(b, 'vi'))) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = `${value} (${counts[value]})`;
      select.append(option);
    }
    select.value = params.get(PARAMS[/** @type {keyof typeof PARAMS} */ (key)]) ?? '';
  }
  sort.value = params.get(PARAMS.sort) ?? '';

  /** @type {any[]} */
  let results = [];
  let shown = 0;
  let terms = /** @type {string[]} */ ([]);

  async function showMore() {
    const batch = results.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(batch.map((r) => r.data()));
    for (const item of data) list.append(resultItem(item, terms));
    shown += batch.length;
    more.hidden = shown >= results.length;
  }

  async function run(pushState) {
    const query = input.value.trim();
    const filters = {};
    for (const [key, select] of Object.entries(selects)) if (select.value) filters[key] = select.value;
    const next = new URLSearchParams();
    if (query) next.set(PARAMS.q, query);
    for (const [key, select] of Object.entries(selects))
      if (select.value) next.set(PARAMS[/** @type {keyof typeof PARAMS} */ (key)], select.value);
    if (sort.value) next.set(PARAMS.sort, sort.value);
    const url = `${location.pathname}${next.size > 0 ? `?${next}` : ''}`;
    if (pushState) history.pushState(null, '', url);
    list.replaceChildren();
    more.hidden = true;
    if (!query && Object.keys(filters).length === 0) {
      status.textContent = 'Nhập từ khóa hoặc chọn một bộ lọc để tìm.';
      return;
    }
    status.textContent = 'Đang tìm…';
    const folded = foldQuery(query);
    terms = folded.split(/\s+/).filter(Boolean);
    const options = { filters, ...(sort.value === 'moi-nhat' ? { sort: { date: 'desc' } } : {}) };
    // Adjacent words also as one joined pair ("nghi dinh" → "nghidinh"), as the index holds the
    // pairs around every word with "đ": results then have the words together, like a phrase.
    // When that finds nothing, the words alone.
    const pairs = terms.slice(1).map((word, i) => `${terms[i]}${word}`).filter((p) => /^[\p{L}\p{N}]+$/u.test(p));
    let search = pairs.length > 0 ? await pagefind.search(`${folded} ${pairs.join(' ')}`, options) : null;
    if (!search || search.results.length === 0) search = await pagefind.search(folded || null, options);
    results = search.results;
    shown = 0;
    let exactNote = '';
    if (looksLikeNumber(query) && results.length > 0) {
      const key = numberKey(query);
      const head = await Promise.all(results.slice(0, PAGE_SIZE).map((r) => r.data()));
      const exact = head.findIndex((d) => d.meta?.number && numberKey(d.meta.number) === key);
      if (exact > 0) results = [results[exact], ...results.filter((_, i) => i !== exact)];
      exactNote =
        exact === -1
          ? ` Không có văn bản nào mang đúng số ký hiệu “${query}”; các kết quả dưới đây chỉ gần đúng.`
          : ` Văn bản số ${query} đứng đầu danh sách.`;
    }
    await showMore();
    // Announced once the first results are on the page.
    status.textContent =
      results.length === 0
        ? `Không tìm thấy kết quả nào cho “${query || 'bộ lọc đã chọn'}”. Hãy thử từ khóa khác hoặc bỏ bớt bộ lọc.`
        : `Tìm thấy ${results.length.toLocaleString('vi-VN')} kết quả${query ? ` cho “${query}”` : ''}.${exactNote}`;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(true);
  });
  more.addEventListener('click', () => showMore());
  window.addEventListener('popstate', () => location.reload());
  if (input.value || Object.values(selects).some((s) => s.value)) await run(false);
}

/** One result: title link, what it is, and the excerpt. */
function resultItem(data, terms) {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta?.title ?? data.url;
  heading.append(link);
  const facts = [
    data.meta?.section,
    data.meta?.type,
    data.meta?.number ? `Số ${data.meta.number}` : null,
    // A document's date is its date of issue; a section item's is its own (posted, answered…).
    data.meta?.date ? `${data.meta?.number ? 'Ban hành' : 'Ngày'} ${viDate(data.meta.date) ?? data.meta.date}` : null,
    data.meta?.status,
  ].filter(Boolean);
  const meta = document.createElement('p');
  meta.className = 'search-result-meta';
  meta.textContent = facts.join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result-excerpt';
  excerpt.innerHTML = excerptHtml(data.content ?? '', terms);
  item.append(heading, meta, excerpt);
  if (data.meta?.number) item.dataset.documentNumber = data.meta.number;
  return item;
}

if (typeof document !== 'undefined') start();
