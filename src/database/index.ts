export * from './types.js';
export { Service } from './service.js';
export {
  LazyDatabase,
  databaseFromRecords,
  countRecords,
  type IamDatabase,
  type ServiceReader,
} from './database.js';
export { openDatabase, writeDatabaseDir, metaFor, toSingleFile, type SingleFileDatabase } from './store.js';
export {
  selectDatabase,
  bundledDatabasePath,
  localDatabasePath,
  iamwrightHome,
  type SelectOptions,
} from './select.js';
export { convertV2Service, isPolicySentryV2 } from './policy-sentry.js';
export * from './update/index.js';
export {
  diffDatabases,
  formatDiff,
  isEmptyDiff,
  type DatabaseDiff,
  type ChangedAction,
  type ActionChange,
  type ServiceItem,
} from './diff.js';
export * from './service-reference/index.js';
export {
  buildDatabaseFromPages,
  buildDatabaseFromDocs,
  formatBuildSummary,
  resolveOverridesFile,
  parseOverrides,
  type BuildOptions,
  type BuildResult,
  type BuildReport,
  type MergeConflict,
  type SupersededPage,
  type SkippedPage,
} from './build/index.js';
export {
  exportDatabase,
  exportSqlite,
  exportJson,
  EXPORT_FORMATS,
  type ExportFormat,
} from './export/index.js';
