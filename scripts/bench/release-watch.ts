/**
 * Watching sites go live in the sync engine's release layout (`<out>/<code>/current`, a symlink
 * switched atomically): the benches time a publish until the last site's switch.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The live release a site's `current` points to, or null before its first release. */
export function liveRelease(outDir: string, code: string): string | null {
  try {
    return fs.readlinkSync(path.join(outDir, code, 'current'));
  } catch {
    return null;
  }
}

/**
 * Waits (polling every 50 ms) until every site's `current` differs from `before`; per site, the
 * milliseconds from `since` to its switch. Throws after `timeoutMs` (default 30 min).
 */
export async function switched(
  outDir: string,
  before: Record<string, string | null>,
  codes: readonly string[],
  since: number,
  timeoutMs = 1_800_000,
): Promise<Map<string, number>> {
  const at = new Map<string, number>();
  while (at.size < codes.length) {
    for (const code of codes)
      if (!at.has(code) && liveRelease(outDir, code) !== before[code]) at.set(code, Date.now() - since);
    if (Date.now() - since > timeoutMs)
      throw new Error(`bench: sites did not switch within ${timeoutMs / 60_000} min`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return at;
}
