/**
 * Every failure of the operator tooling is an OperationsError: the message says what failed, on
 * which file, database or folder, and what to do. The CLIs print the message alone (no stack).
 */
export class OperationsError extends Error {
  override name = 'OperationsError';
}

/** A backup whose files do not match their recorded SHA-256 (or whose manifest is missing or unreadable). */
export class CorruptBackupError extends OperationsError {
  override name = 'CorruptBackupError';
  constructor(
    message: string,
    /** Paths inside the backup that are missing or differ. */
    readonly files: string[],
  ) {
    super(message);
  }
}

/** A restore target (database, folder, state file) that already holds something. */
export class TargetNotEmptyError extends OperationsError {
  override name = 'TargetNotEmptyError';
}

/** An external tool (pg_dump, pg_restore) that failed or is missing. */
export class ToolFailedError extends OperationsError {
  override name = 'ToolFailedError';
}
