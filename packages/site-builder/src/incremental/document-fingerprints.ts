/**
 * The fingerprint of a document's pages on one site (its page and its full-text pages): a hash of
 * every input those pages are rendered from — the template (template-hash.ts), the run settings
 * the pages use (media origin), the site's chrome (registry entry, children, logo),
 * the document in full with its relations, what the site shows of each document it refers to
 * (relations, validity history), the items of the site that explain it, and the site's copy of
 * its original file. Two builds with equal fingerprints render the same bytes, so the second may
 * reuse the first's files (reuse.ts) instead of rendering them.
 *
 * Document pages are most of every site (the national documents are on all ≈3,400), which is
 * why they, and only they, are fingerprinted: the few list, home and section pages of a site are
 * always rendered.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import {
  snapshotFiles,
  type DocumentIndex,
  type MediaManifest,
  type RunManifest,
  type SiteSnapshot,
} from '@pbgdpl/site-template/snapshot-format';

/** A document of the site: where its pages are (relative to the site's base) and their fingerprint. */
export interface DocumentPages {
  path: string;
  fingerprint: string;
}

/** Read once per snapshot and shared by every site of a run. */
export interface RunInputs {
  index: DocumentIndex['documents'];
  media: MediaManifest['files'];
  /** The run settings document pages depend on, serialised. */
  settings: string;
  templateHash: string;
  /** documentId → what its detail file contributes; each detail is read once per run, and only its hash is kept. */
  details: Map<string, DetailInputs | null>;
}

interface DetailInputs {
  hash: string;
  /** The run's documents it names (relation ends, validity causes), sorted. */
  referenced: string[];
  originalFileUrl: string | null;
}

export function readRunInputs(snapshotDir: string, templateHash: string): RunInputs {
  const run = readJson<RunManifest>(snapshotFiles.run(snapshotDir));
  const mediaFile = snapshotFiles.media(snapshotDir);
  return {
    index: readJson<DocumentIndex>(snapshotFiles.index(snapshotDir)).documents,
    media: fs.existsSync(mediaFile) ? readJson<MediaManifest>(mediaFile).files : {},
    // Not generatedAt (every run differs), nor asOf (document pages do not print the build date:
    // a new day would otherwise make every document page of every site new), nor nationalSearch
    // (only the search page shows it).
    settings: JSON.stringify([run.formatVersion, run.mediaBaseUrl ?? null, run.cmsEndpoint]),
    templateHash,
    details: new Map(),
  };
}

/** documentId → its pages' path and fingerprint, for every document the site lists. */
export function documentFingerprints(
  snapshotDir: string,
  code: string,
  run: RunInputs,
): Map<string, DocumentPages> {
  const snapshot = readJson<SiteSnapshot>(snapshotFiles.site(snapshotDir, code));
  const onSite = new Set(snapshot.documentIds);
  const chrome = JSON.stringify([snapshot.site, snapshot.children, snapshot.logo ?? null]);
  const result = new Map<string, DocumentPages>();
  for (const documentId of snapshot.documentIds) {
    const summary = run.index[documentId];
    const detail = loadDetail(snapshotDir, documentId, run);
    if (!summary || !detail) continue;
    const hash = crypto.createHash('sha256');
    for (const part of [run.templateHash, run.settings, chrome, detail.hash]) hash.update(part).update('\0');
    for (const id of detail.referenced) {
      hash.update(id).update(onSite.has(id) ? '+' : '-');
      hash.update(JSON.stringify(run.index[id] ?? null)).update('\0');
    }
    hash.update(JSON.stringify(snapshot.explainedBy?.[documentId] ?? [])).update('\0');
    hash.update(JSON.stringify(detail.originalFileUrl ? (run.media[detail.originalFileUrl] ?? null) : null));
    result.set(documentId, { path: summary.path, fingerprint: hash.digest('hex').slice(0, 24) });
  }
  return result;
}

function loadDetail(snapshotDir: string, documentId: string, run: RunInputs) {
  if (!run.details.has(documentId)) {
    const file = snapshotFiles.document(snapshotDir, documentId);
    if (!fs.existsSync(file)) {
      run.details.set(documentId, null);
    } else {
      const json = fs.readFileSync(file, 'utf8');
      // Every quoted string that is a document of the run: relation ends, validity causes.
      const referenced = new Set<string>();
      for (const match of json.matchAll(/"([A-Za-z0-9_-]{6,64})"/g)) {
        const id = match[1]!;
        if (id !== documentId && run.index[id]) referenced.add(id);
      }
      run.details.set(documentId, {
        hash: crypto.createHash('sha256').update(json).digest('hex'),
        referenced: [...referenced].sort(),
        originalFileUrl: originalFileUrl(json),
      });
    }
  }
  return run.details.get(documentId) ?? null;
}

function originalFileUrl(detailJson: string): string | null {
  const detail = JSON.parse(detailJson) as { document?: { originalFile?: { url?: string } | null } };
  return detail.document?.originalFile?.url ?? null;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}
