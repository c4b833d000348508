/** Every failure the generator itself detects (bad arguments, unknown sites, a failed build). */
export class GeneratorError extends Error {
  override readonly name: string = 'GeneratorError';
}

/** An Astro build of a batch of sites exited with an error; `output` holds the end of its log. */
export class SiteBuildError extends GeneratorError {
  override readonly name: string = 'SiteBuildError';

  constructor(
    message: string,
    readonly codes: readonly string[],
    readonly output: string,
  ) {
    super(message);
  }
}
