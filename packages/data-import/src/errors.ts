/**
 * The one error this package throws. Problems inside the data (a bad date, an unknown issuer) are
 * not thrown: they go to the dataset's report so one bad record never stops a seed. Only what
 * makes the whole import impossible — a missing folder or file, unreadable JSON — is thrown.
 */
export class DataImportError extends Error {
  override readonly name = 'DataImportError';
}
