/**
 * Downloading a file the CMS serves (a logo, a caption track, an upload for the media store): one
 * injectable function, so tests hand in files without a CMS and every caller reports a failed
 * download the same way — as a reason, never a thrown error.
 */

/** The answer to one download: the body and its content type, or why it failed. */
export type FetchedAsset = { ok: true; mime: string; bytes: Uint8Array } | { ok: false; reason: string };
export type FetchAsset = (url: string) => Promise<FetchedAsset>;

export const fetchOverHttp: FetchAsset = async (url) => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(20_000) });
    if (!response.ok) return { ok: false, reason: `HTTP ${response.status}` };
    const mime = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    return { ok: true, mime, bytes: new Uint8Array(await response.arrayBuffer()) };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
};
