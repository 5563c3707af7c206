/**
 * The database layer as the library's main entry (`iamwright`) exports it: opening, selecting and reading a
 * database, and its status. The builder, updater, service-reference fetcher and exports (htmlparser2,
 * sql.js, HTTP) are in ./index.ts, which `iamwright/build` re-exports, so that `import 'iamwright'` does not
 * load them.
 */
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
export {
  databaseInfo,
  databaseNotices,
  staleLocalNotice,
  formatInfo,
  type DatabaseInfo,
} from './update/status.js';
export { interruptedUpdateNotice } from './update/marker.js';
export {
  diffDatabases,
  formatDiff,
  formatDiffMarkdown,
  isEmptyDiff,
  type MarkdownDiffOptions,
  type DatabaseDiff,
  type ChangedAction,
  type ActionChange,
  type ServiceItem,
} from './diff.js';
