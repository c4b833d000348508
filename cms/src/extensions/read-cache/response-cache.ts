/** A byte-bounded, least-recently-used map of serialised responses, each tagged with the content version it was built from. */
export interface CachedResponse {
  version: string;
  status: number;
  /** The response headers Strapi's middlewares set on the answer (security headers, content type…), without CORS, Vary or lengths. */
  headers: Array<[string, string | string[]]>;
  body: Buffer;
  /** The body compressed once when stored (absent for small bodies), replayed to clients that accept it. */
  gzip?: Buffer;
  br?: Buffer;
  /** A weak entity tag of the body: unchanged answers stay 304-able across content versions. */
  etag: string;
}

export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;

  private static weight(entry: CachedResponse): number {
    const headers = entry.headers.reduce((sum, [name, value]) => sum + name.length + String(value).length, 0);
    return entry.body.length + (entry.gzip?.length ?? 0) + (entry.br?.length ?? 0) + headers;
  }

  constructor(private readonly maxBytes: number) {}

  /** The entry for `key` if it was built from `version`; an entry from an older version is dropped. */
  get(key: string, version: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.delete(key);
    if (entry.version !== version) return undefined;
    this.entries.set(key, entry); // most recently used goes last
    this.bytes += ResponseCache.weight(entry);
    return entry;
  }

  set(key: string, entry: CachedResponse): void {
    if (ResponseCache.weight(entry) > this.maxBytes / 4) return; // one huge answer must not flush the rest
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += ResponseCache.weight(entry);
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= ResponseCache.weight(old);
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= ResponseCache.weight(entry);
  }
}
