/**
 * The national search bundle as a job of its own (ADR 0004, strategy E): the national documents
 * are indexed once into `<outDir>/_national/pagefind/<id>/` (the site generator's
 * `generateNationalIndex`), and every site merges that bundle instead of indexing them again.
 * A change that reaches the national documents' records — a national document published,
 * changed or withdrawn, or a vocabulary (issuer and field names are in the records) — asks for
 * one "national-index" job besides the affected sites; a local change never does.
 *
 * The job shares the site queue under the key `_national` (never a site code: codes are
 * [a-z0-9-]), so it is coalesced, retried and dead-lettered like a site. Sites do not wait for
 * it: the bundle is content-addressed, so a site build that finds its bundle missing builds it
 * itself (or waits for the builder that holds its lock), and a site never references a bundle
 * that does not exist. Enqueued first, it usually lands in the same batch as the sites, which
 * then find it ready.
 */
import type { ChangePlacement } from '@pbgdpl/domain';

/** The job's key in the queue and in the sync state (its "site"). */
export const NATIONAL_INDEX_KEY = '_national';

/** True when an event with these placements changes what the national bundle indexes. */
export function touchesNationalIndex(placements: readonly ChangePlacement[]): boolean {
  return placements.some(
    (p) => p.kind === 'everywhere' || (p.kind === 'legal-document' && p.scope === 'national'),
  );
}

export interface NationalIndexBuildResult {
  ok: boolean;
  /** The bundle id now current; null when there is no national document or the build failed. */
  bundle: string | null;
  /** False when the bundle of this content already existed. */
  built: boolean;
  records: number;
  error: string | null;
}

/** Builds (or finds) the national bundle of the CMS's current national documents under `outDir`. */
export type NationalIndexBuilder = (request: { outDir: string }) => Promise<NationalIndexBuildResult>;

/** The real one: the site generator's `generateNationalIndex`. */
export function generatorNationalBuilder(options: {
  cmsUrl: string;
  token?: string;
  log?: (m: string) => void;
}): NationalIndexBuilder {
  return async ({ outDir }) => {
    const { generateNationalIndex } = await import('@pbgdpl/site-builder');
    try {
      const { bundle } = await generateNationalIndex({
        cmsUrl: options.cmsUrl,
        outDir,
        log: options.log ?? (() => undefined),
        ...(options.token ? { token: options.token } : {}),
      });
      return {
        ok: true,
        bundle: bundle?.id ?? null,
        built: bundle?.built ?? false,
        records: bundle?.records ?? 0,
        error: null,
      };
    } catch (error) {
      return { ok: false, bundle: null, built: false, records: 0, error: (error as Error).message };
    }
  };
}
