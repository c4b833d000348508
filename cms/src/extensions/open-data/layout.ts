/**
 * The open-data folder on disk, served as static files (`/_open-data/` on every host):
 *
 *   <root>/latest             -> 2026-12-10            symlink, switched atomically
 *   <root>/2026-12-10         -> runs/2026-12-10T…-ab  one symlink per day, kept `keepDays` days
 *   <root>/index.json                                  the days on offer (written whole, renamed)
 *   <root>/runs/<run id>/                              manifest.json, SHA256SUMS, *.jsonl.gz, *.csv.gz
 *   <root>/runs/<run id>.partial/                      a run being written (never linked)
 *
 * A reader never sees a half-written day: a run is written under `.partial`, synced, renamed
 * complete, and only then does a day link (and `latest`) point at it — by renaming a new symlink
 * over the old one, which is atomic. Running twice the same day switches the day to the newer
 * run. A run no day points at any more is removed an hour later (a reader may still be in it).
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { addDays } from '@pbgdpl/domain';

export const RUNS_DIR = 'runs';
export const LATEST = 'latest';
export const INDEX_FILE = 'index.json';
const PARTIAL = '.partial';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A replaced or unlinked run stays this long for readers already downloading from it. */
const ORPHAN_GRACE_MS = 60 * 60_000;
/** A `.partial` run this old was left by a crashed export. */
const STALE_PARTIAL_MS = 24 * 60 * 60_000;

export interface Run {
  id: string;
  /** Where the files are written until the run is complete. */
  dir: string;
}

/** Starts a run of `day`: an empty `.partial` folder of its own. */
export async function startRun(root: string, day: string, now: Date): Promise<Run> {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const id = `${day}_${stamp}_${crypto.randomBytes(3).toString('hex')}`;
  const dir = path.join(root, RUNS_DIR, `${id}${PARTIAL}`);
  await fs.mkdir(dir, { recursive: true });
  return { id, dir };
}

/** Marks the run complete and points its day, then `latest`, at it. */
export async function publishRun(root: string, run: Run, day: string): Promise<void> {
  await syncDir(run.dir);
  const complete = path.join(root, RUNS_DIR, run.id);
  await fs.rename(run.dir, complete);
  await syncDir(path.join(root, RUNS_DIR));
  await switchLink(root, day, path.join(RUNS_DIR, run.id));
  const newest = (await listDays(root)).at(-1);
  // A re-run of an older day (by hand) must not move `latest` backwards.
  if (newest === undefined || newest <= day) await switchLink(root, LATEST, day);
}

/** Removes a run that failed; nothing ever pointed at it. */
export async function discardRun(run: Run): Promise<void> {
  await fs.rm(run.dir, { recursive: true, force: true });
}

/** Points `name` (in root) at `target` by renaming a fresh symlink over it. */
export async function switchLink(root: string, name: string, target: string): Promise<void> {
  const temporary = path.join(root, `.${name}.${crypto.randomBytes(4).toString('hex')}.link`);
  await fs.symlink(target, temporary);
  await fs.rename(temporary, path.join(root, name));
  await syncDir(root);
}

/** The days on offer, oldest first. */
export async function listDays(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => DAY.test(e.name) && e.isSymbolicLink())
    .map((e) => e.name)
    .sort();
}

/** Writes a file whole under a temporary name, syncs it, renames it into place. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const temporary = `${file}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const handle = await fs.open(temporary, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, file);
}

export interface PruneResult {
  daysRemoved: string[];
  runsRemoved: string[];
}

/**
 * Keeps the last `keepDays` days up to `today` (today and the days before it: 30 days = 30
 * snapshots), removes older day links, then runs no day points at (after their grace) and
 * `.partial` runs a crash left behind. Ages are by the files' times and the real clock
 * (`clockMs`), whatever day the export was run as.
 */
export async function prune(
  root: string,
  today: string,
  keepDays: number,
  clockMs: number = Date.now(),
): Promise<PruneResult> {
  const oldest = addDays(today, -(keepDays - 1));
  const daysRemoved: string[] = [];
  for (const day of await listDays(root)) {
    if (day >= oldest) continue;
    await fs.rm(path.join(root, day), { force: true });
    daysRemoved.push(day);
  }
  const linked = new Set<string>();
  for (const day of await listDays(root)) {
    const target = await fs.readlink(path.join(root, day)).catch(() => null);
    if (target) linked.add(path.basename(target));
  }
  const runsRemoved: string[] = [];
  const runsDir = path.join(root, RUNS_DIR);
  for (const entry of await fs.readdir(runsDir, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isDirectory() || linked.has(entry.name)) continue;
    const age = clockMs - (await fs.stat(path.join(runsDir, entry.name))).mtimeMs;
    const partial = entry.name.endsWith(PARTIAL);
    if (age < (partial ? STALE_PARTIAL_MS : ORPHAN_GRACE_MS)) continue;
    await fs.rm(path.join(runsDir, entry.name), { recursive: true, force: true });
    runsRemoved.push(entry.name);
  }
  return { daysRemoved, runsRemoved };
}

/** fsync a directory, so a rename in it survives a power cut (a no-op where not supported). */
async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}
