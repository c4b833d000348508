export {
  createBackup,
  pruneBackups,
  type BackupOptions,
  type BackupResult,
  type DatabaseTarget,
} from './backup.js';
export { restoreBackup, type RestoreOptions, type RestoreResult } from './restore.js';
export { verifyBackup, readManifest, type BackupManifest, MANIFEST_FILE, SUMS_FILE } from './manifest.js';
export {
  postgresTableDigests,
  sqliteTableDigests,
  compareDigests,
  type TableDigest,
} from './table-digests.js';
export { readSecretsLayout, type SecretsLayout } from './secrets-layout.js';
export { listFiles, sha256File, describeFiles, type FileEntry } from './checksums.js';
export { OperationsError, CorruptBackupError, TargetNotEmptyError, ToolFailedError } from './errors.js';
export { createBaseBackup, preparePointInTimeRecovery, type RecoveryPlan } from './point-in-time.js';
export {
  parseAuditReport,
  judgeAudit,
  allowlistProblems,
  auditUnavailable,
  type Advisory,
  type AuditAllowlist,
  type AuditVerdict,
} from './supply-chain/audit.js';
export {
  classifyLicence,
  licenceReport,
  formatLicenceReport,
  type LicenceReport,
} from './supply-chain/licences.js';
export { findUnpinned, isPinned, type UnpinnedDependency } from './supply-chain/pins.js';
