import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createFullAccessToken, demoAdminJwt } from './cms-api';
import { CMS_DIR } from './workspace';

/** An admin session token of the seed's demo admin (a super admin) on a CMS under test. */
export const adminJwt = demoAdminJwt;

/** Admin login and a full-access API token on a CMS under test (the demo admin of the seed). */
export async function apiToken(cmsUrl: string): Promise<string> {
  return createFullAccessToken(cmsUrl, await adminJwt(cmsUrl), `sync-e2e-${Date.now()}`);
}

type LegalDocumentRow = { documentId: string; number: string; title: string };

/** Published Vietnamese legal documents matching REST filters (public read). */
export async function findDocuments(cmsUrl: string, filters: string): Promise<LegalDocumentRow[]> {
  const res = await fetch(`${cmsUrl}/api/legal-documents?locale=vi&pagination[pageSize]=100&${filters}`);
  if (!res.ok) throw new Error(`list documents: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: LegalDocumentRow[] }).data;
}

/** An editor's change, published at once: REST update with status=published. */
export async function publishTitle(
  cmsUrl: string,
  token: string,
  documentId: string,
  title: string,
): Promise<void> {
  const res = await fetch(`${cmsUrl}/api/legal-documents/${documentId}?locale=vi&status=published`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ data: { title } }),
  });
  if (!res.ok) throw new Error(`update ${documentId}: ${res.status} ${await res.text()}`);
}

/** Polls until `check` holds (no fixed sleeps in assertions: this only waits for work to finish). */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 240_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The live release id of a site (`current` symlink). */
export function liveRelease(outDir: string, code: string): string | null {
  try {
    return path.basename(fs.readlinkSync(path.join(outDir, code, 'current')));
  } catch {
    return null;
  }
}

/** Whether any page of the site's live release contains `text`. */
export function liveSiteContains(outDir: string, code: string, text: string): boolean {
  const root = path.join(outDir, code, 'current');
  for (const entry of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (
      entry.isFile() &&
      entry.name.endsWith('.html') &&
      fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8').includes(text)
    )
      return true;
  }
  return false;
}

/** Child processes of this process running an Astro build (the generator's batch). */
export function astroChildren(): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  const byParent = new Map<number, Array<{ pid: number; args: string }>>();
  for (const line of out.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const list = byParent.get(Number(m[2])) ?? [];
    list.push({ pid: Number(m[1]), args: m[3]! });
    byParent.set(Number(m[2]), list);
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const child of byParent.get(pid) ?? []) {
      if (child.args.includes('astro.mjs') && child.args.includes(' build')) found.push(child.pid);
      walk(child.pid);
    }
  };
  walk(process.pid);
  return found;
}

/** A sync engine in a child process (see sync-driver.mjs), called like the in-process API. */
/** The engine's database for a test CMS's environment: its PostgreSQL, else its SQLite file (the engine's state is kept there too). */
export function syncDatabase(env: Record<string, string | undefined>) {
  return env.DATABASE_URL
    ? { kind: 'postgres' as const, url: env.DATABASE_URL }
    : { kind: 'sqlite' as const, file: path.resolve(CMS_DIR, env.DATABASE_FILENAME!) };
}

/** What the driver's engine answers to `dispatch` and `reconcile` (the sync engine's DispatchResult and reconcile report, as JSON). */
export type DispatchResult = { events: number; sites: string[]; enqueued: number; upToDate: number };
export type ReconcileResult = { neverBuilt: string[]; stale: string[]; enqueued: number };

export interface SyncDriver {
  call<T = unknown>(op: string, ...args: unknown[]): Promise<T>;
  sites: Array<{ code: string; ok: boolean }>;
  stop(): Promise<void>;
}

export async function startSyncDriver(config: Record<string, unknown>): Promise<SyncDriver> {
  const { fork } = await import('node:child_process');
  const child = fork(path.join(__dirname, 'sync-driver.mjs'), [JSON.stringify(config)], {
    execPath: process.execPath,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const sites: Array<{ code: string; ok: boolean }> = [];
  let next = 0;
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`sync driver exited with ${code}`)));
    child.on(
      'message',
      (message: {
        type?: string;
        id?: number;
        ok?: boolean;
        value?: unknown;
        error?: string;
        result?: { code: string; ok: boolean };
      }) => {
        if (message.type === 'ready') return resolve();
        if (message.type === 'site' && message.result)
          return void sites.push({ code: message.result.code, ok: message.result.ok });
        const waiter = message.id === undefined ? undefined : pending.get(message.id);
        if (!waiter) return;
        pending.delete(message.id!);
        if (message.ok) waiter.resolve(message.value);
        else waiter.reject(new Error(message.error));
      },
    );
  });
  await ready;
  return {
    sites,
    call<T>(op: string, ...args: unknown[]) {
      next += 1;
      const id = next;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, op, args });
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ id: -1, op: 'stop' });
      child.send({ id: ++next, op: 'stop' });
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
