/** Public surface of @pbgdpl/sync-engine (see README.md). */
export { SyncError, BuildFailedError } from './errors.js';
export { eventFromRow, type ChangeEvent, type EventSource } from './events.js';
export { postgresEventSource } from './event-source-pg.js';
export { sqliteEventSource } from './event-source-sqlite.js';
export { affectedSites, enabledDescendants, syncRegistry, type SyncSite } from './fanout.js';
export { registryLoader, type RegistryLoader } from './registry.js';
export { dispatchOnce, type DispatchDeps, type DispatchResult } from './dispatcher.js';
export { reconcileOnce, type ReconcileDeps, type ReconcileResult } from './reconciler.js';
export {
  buildHandler,
  generatorBuilder,
  type ContentSources,
  removeAbandonedBuilds,
  type SiteBuilder,
  type SiteBuildResult,
} from './build.js';
export {
  NATIONAL_INDEX_KEY,
  generatorNationalBuilder,
  touchesNationalIndex,
  type NationalIndexBuildResult,
  type NationalIndexBuilder,
} from './national-index.js';
export { startSyncEngine, type SyncDatabase, type SyncEngine, type SyncEngineConfig } from './engine.js';
export {
  fileStateStore,
  type BuildSuccess,
  type DispatchCursor,
  type QueueSnapshot,
  type SiteState,
  type SyncStateStore,
} from './state.js';
export { postgresStateStore } from './state-postgres.js';
export { sqliteStateStore } from './state-sqlite.js';
export { postgresReader, sqliteReader } from './sql-readers.js';
export { inProcessQueue } from './queue/in-process.js';
export { pgBossQueue, BUILD_QUEUE, DEAD_LETTER_QUEUE } from './queue/pg-boss.js';
export type {
  BuildJob,
  BuildJobData,
  BuildQueue,
  JobOutcome,
  QueueCounts,
  DeadLetter,
  RetryPolicy,
} from './queue/types.js';
export { syncStatus, formatStatus, type SyncStatus } from './status.js';
export { nginxConfig, type NginxOptions, type NginxSite } from './nginx.js';
export { jsonLogger, silentLogger, type Logger, type LogLevel } from './log.js';
