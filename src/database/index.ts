// The whole database layer (iamwright/build): what the main entry has, plus the builder, updater,
// service-reference fetcher and exports.
export * from './core.js';
export * from './update/index.js';
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
