/** The base error of the sync engine: what failed, with which input, and what to do. */
export class SyncError extends Error {
  override name = 'SyncError';
}

/** A site build failed (Astro, the release check, the CMS); the job is retried, then dead-lettered. */
export class BuildFailedError extends SyncError {
  override name = 'BuildFailedError';
  constructor(
    message: string,
    readonly sites: readonly string[],
  ) {
    super(message);
  }
}
