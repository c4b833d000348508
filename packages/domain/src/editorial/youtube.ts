/**
 * YouTube video ids. Editors paste whatever the browser shows — a watch URL, a short youtu.be
 * link, an embed or Shorts URL, or the bare id — and the site needs the 11-character id to build
 * a privacy-enhanced embed (youtube-nocookie.com).
 */

const ID = /^[A-Za-z0-9_-]{11}$/;
const HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);

/** The video id in `input` (a bare id or a YouTube URL), or null when there is none. */
export function parseYoutubeId(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const text = input.trim();
  if (ID.test(text)) return text;
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter(Boolean);
  let candidate: string | null | undefined = null;
  if (host === 'youtu.be') candidate = segments[0];
  else if (HOSTS.has(host)) {
    if (segments[0] === 'watch') candidate = url.searchParams.get('v');
    else if (['embed', 'shorts', 'live', 'v'].includes(segments[0] ?? '')) candidate = segments[1];
  }
  return candidate && ID.test(candidate) ? candidate : null;
}
