/**
 * Pinned versions stay pinned: every dependency of every workspace package.json, and every
 * override in pnpm-workspace.yaml, names one exact version (or a workspace package), so an
 * install never moves to a version nobody reviewed.
 */
import fs from 'node:fs';
import path from 'node:path';

const EXACT = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

export interface UnpinnedDependency {
  file: string;
  section: string;
  name: string;
  spec: string;
}

/** Whether a version spec names exactly one version. */
export function isPinned(spec: string): boolean {
  if (spec === 'workspace:*' || EXACT.test(spec)) return true;
  const alias = /^npm:(@?[^@]+)@(.+)$/.exec(spec);
  return alias !== null && EXACT.test(alias[2]!);
}

/** The workspace's package folders, from the `packages:` globs of pnpm-workspace.yaml (`dir` and `dir/*`). */
export function workspaceFolders(root: string): string[] {
  const yaml = fs.readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
  const block = /^packages:\n((?:\s+-\s+.+\n)+)/m.exec(yaml)?.[1] ?? '';
  const globs = [...block.matchAll(/-\s+['"]?([^'"\n]+)['"]?/g)].map((m) => m[1]!.trim());
  const folders = ['.'];
  for (const glob of globs) {
    if (glob.endsWith('/*')) {
      const parent = path.join(root, glob.slice(0, -2));
      if (!fs.existsSync(parent)) continue;
      for (const d of fs.readdirSync(parent, { withFileTypes: true }))
        if (d.isDirectory()) folders.push(path.join(glob.slice(0, -2), d.name));
    } else folders.push(glob);
  }
  return folders.filter((f) => fs.existsSync(path.join(root, f, 'package.json'))).sort();
}

/** Every dependency spec that is not one exact version; `overrides:` of pnpm-workspace.yaml included. */
export function findUnpinned(root: string): UnpinnedDependency[] {
  const found: UnpinnedDependency[] = [];
  for (const folder of workspaceFolders(root)) {
    const file = path.join(folder, 'package.json');
    const manifest = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;
    for (const section of SECTIONS) {
      const deps = (manifest[section] ?? {}) as Record<string, string>;
      for (const [name, spec] of Object.entries(deps))
        if (!isPinned(spec)) found.push({ file, section, name, spec });
    }
  }
  const yaml = fs.readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
  const overrides = /^overrides:\n((?:(?:\s+#.*|\s+\S.*)\n?)+)/m.exec(yaml)?.[1] ?? '';
  for (const line of overrides.split('\n')) {
    const m = /^\s+(['"]?)(.+?)\1:\s*['"]?([^'"#\s]+)['"]?\s*(#.*)?$/.exec(line);
    if (m && !isPinned(m[3]!))
      found.push({ file: 'pnpm-workspace.yaml', section: 'overrides', name: m[2]!, spec: m[3]! });
  }
  return found;
}
